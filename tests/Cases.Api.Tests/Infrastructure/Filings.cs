namespace Cases.Api.Tests.Infrastructure;

/// <summary>Valid filing bodies to start from; tests change what they are about.</summary>
public static class Filings
{
    public const string InventionNumber = "201710601862.3";

    public static Dictionary<string, object?> RightsDefence(string centre = "GD", string title = "Infringing air purifiers sold online") => new()
    {
        ["centre"] = centre,
        ["kind"] = "RightsDefence",
        ["title"] = title,
        ["summary"] = "The respondent sells purifiers that use the claimed filter.",
        ["priority"] = false,
        ["externalReference"] = null,
        ["parties"] = new object[]
        {
            new { role = "Complainant", kind = "Organisation", name = "Lingnan Clean Air Technology Co., Ltd.", identifier = "91440101MA59XXXX1K", email = "legal@lingnan.example", phone = "+86 20 8888 0000", address = "Guangzhou" },
            new { role = "Respondent", kind = "Organisation", name = "Pearl River Trading Co., Ltd.", identifier = (string?)null, email = (string?)null, phone = (string?)null, address = (string?)null },
        },
        ["rights"] = new object[] { new { kind = "InventionPatent", number = InventionNumber, title = "Air filter" } },
    };

    public const string ApplicantName = "Zhuhai Lingyun Optics Co., Ltd.";

    public static Dictionary<string, object?> FastTrack(string centre = "GD") => new()
    {
        ["centre"] = centre,
        ["kind"] = "FastTrackPreExamination",
        ["title"] = "Lens assembly for vehicle cameras",
        ["summary"] = "Pre-examination before filing with CNIPA.",
        ["priority"] = false,
        ["externalReference"] = null,
        ["parties"] = new object[]
        {
            new { role = "Applicant", kind = "Organisation", name = ApplicantName, identifier = "91440400MA4UXXXX2B", email = (string?)null, phone = (string?)null, address = "Zhuhai" },
        },
        ["rights"] = new object[] { new { kind = "InventionPatent", number = InventionNumber, title = "Lens assembly" } },
    };

    public static Dictionary<string, object?> Mediation(string kind = "Mediation", string centre = "GD") => new()
    {
        ["centre"] = centre,
        ["kind"] = kind,
        ["title"] = "Licence fee dispute",
        ["summary"] = "Unpaid licence fees for a utility model.",
        ["priority"] = false,
        ["externalReference"] = null,
        ["parties"] = new object[]
        {
            new { role = "Applicant", kind = "Organisation", name = "Foshan Bright Lamps Co., Ltd.", identifier = (string?)null, email = (string?)null, phone = (string?)null, address = (string?)null },
            new { role = "Respondent", kind = "Organisation", name = "Macau Light Trading Ltd.", identifier = (string?)null, email = (string?)null, phone = (string?)null, address = (string?)null },
        },
        ["rights"] = new object[] { new { kind = "InventionPatent", number = InventionNumber, title = "Lamp" } },
    };
}
