namespace Cases.Domain.Rights;

/// <summary>The kind of intellectual property right a case concerns (知识产权类型).</summary>
public enum IntellectualPropertyKind
{
    /// <summary>Invention patent (发明专利).</summary>
    InventionPatent = 1,

    /// <summary>Utility model patent (实用新型专利).</summary>
    UtilityModelPatent = 2,

    /// <summary>Design patent (外观设计专利).</summary>
    DesignPatent = 3,

    /// <summary>Registered trademark (注册商标).</summary>
    Trademark = 4,

    /// <summary>Copyright, including software copyright registrations (著作权).</summary>
    Copyright = 5,

    /// <summary>Any other right: trade secret, geographical indication, plant variety… (其他).</summary>
    Other = 6,
}

public static class IntellectualPropertyKindExtensions
{
    public static bool IsPatent(this IntellectualPropertyKind kind) =>
        kind is IntellectualPropertyKind.InventionPatent or IntellectualPropertyKind.UtilityModelPatent or IntellectualPropertyKind.DesignPatent;
}
