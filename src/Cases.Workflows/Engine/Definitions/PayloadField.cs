namespace Cases.Workflows.Engine.Definitions;

/// <summary>One field a transition takes from the person acting, e.g. the reasons for a refusal.</summary>
public sealed record PayloadField(string Name, PayloadFieldKind Kind, bool Required, int MaximumLength = PayloadField.DefaultMaximumLength, IReadOnlyList<string>? AllowedValues = null)
{
    public const int DefaultMaximumLength = 2000;
}

public enum PayloadFieldKind
{
    Text = 1,
    Date = 2,
    Boolean = 3,

    /// <summary>One of <see cref="PayloadField.AllowedValues"/>.</summary>
    Choice = 4,

    /// <summary>A protection centre's code, e.g. the centre a case is referred to.</summary>
    CentreCode = 5,
}
