namespace Cases.Domain.Common;

/// <summary>Who made a change (经办人): a signed-in user's name, an API client, or the system itself.</summary>
public readonly record struct Actor
{
    public Actor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public static Actor System { get; } = new("system");

    public override string ToString() => Name;
}
