using System.Text.Encodings.Web;

namespace Cases.Benchmarks;

/// <summary>The 11 regions (one centre each, code = region) and pre-built POST /api/cases bodies.</summary>
internal static class Filings
{
    public static readonly string[] Regions = ["FJ", "JX", "HN", "GD", "GX", "HI", "SC", "GZ", "YN", "HK", "MO"];

    private static readonly Dictionary<string, string> RegionNames = new(StringComparer.Ordinal)
    {
        ["FJ"] = "福建省知识产权保护中心",
        ["JX"] = "江西省知识产权保护中心",
        ["HN"] = "湖南省知识产权保护中心",
        ["GD"] = "广东省知识产权保护中心",
        ["GX"] = "广西壮族自治区知识产权保护中心",
        ["HI"] = "海南省知识产权保护中心",
        ["SC"] = "四川省知识产权保护中心",
        ["GZ"] = "贵州省知识产权保护中心",
        ["YN"] = "云南省知识产权保护中心",
        ["HK"] = "香港知识产权协调中心",
        ["MO"] = "澳门知识产权协调中心",
    };

    private static readonly string[] CaseKinds = ["FastTrackPreExamination", "RightsDefence", "Mediation", "Arbitration"];

    private static readonly string[] Complainants =
    [
        "深圳市华星光电技术有限公司", "Guangzhou Lingnan Instruments Co., Ltd.", "福州闽江新材料股份有限公司",
        "长沙岳麓智能装备有限公司", "Chengdu Tianfu Biotech Ltd.", "昆明滇池电子科技有限公司",
    ];

    private static readonly string[] Respondents =
    [
        "东莞市某电子制品厂", "Foshan Shunde Home Appliances Trading Co.", "南宁市青秀区某商行",
        "海口市某贸易有限公司", "Guiyang Qianling Hardware Store", "南昌市某机械加工厂",
    ];

    // Relaxed escaping, so that the bodies carry the Chinese text as UTF-8 rather than as \uXXXX escapes.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] CentreBody(string region) => Serialize(new { code = region, region, name = RegionNames[region] });

    /// <summary>A request body as UTF-8 JSON, Chinese text unescaped.</summary>
    public static byte[] Serialize(object body) => JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions);

    /// <summary>
    /// bodies[i] files at centre Regions[i % 11]; <paramref name="count"/> distinct bodies (a multiple of 11)
    /// varying kind (unless <paramref name="onlyKind"/> is given), parties, the right and its number, so no two
    /// consecutive filings are identical.
    /// </summary>
    public static byte[][] BuildBodies(int count, string? onlyKind = null)
    {
        var bodies = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var centre = Regions[i % Regions.Length];
            var variant = i / Regions.Length;
            var (rightKind, rightNumber, rightTitle) = Right(i);
            var kind = onlyKind ?? CaseKinds[variant % CaseKinds.Length];

            // The domain's rules: rights defence is brought by a Complainant against a Respondent; mediation and
            // arbitration by an Applicant against a Respondent; fast-track pre-examination by Applicants alone.
            var (firstRole, secondRole) = kind switch
            {
                "RightsDefence" => ("Complainant", "Respondent"),
                "FastTrackPreExamination" => ("Applicant", "Applicant"),
                _ => ("Applicant", "Respondent"),
            };
            var body = new
            {
                centre,
                kind,
                title = $"{rightTitle}：{KindTitle(kind)} #{i + 1}",
                summary = "权利人称被申请人未经许可制造、销售落入其专利权保护范围的产品，请求保护中心依法处理。"
                          + " The complainant alleges unlicensed manufacture and sale of products within the scope of the right.",
                priority = i % 10 == 0,
                externalReference = (string?)null,
                parties = new object[]
                {
                    new
                    {
                        role = firstRole, kind = "Organisation", name = Complainants[variant % Complainants.Length],
                        identifier = (string?)null, email = "legal@example.com", phone = "+86 20 1234 5678",
                        address = "广东省广州市天河区珠江新城华夏路 " + (10 + (i % 80)).ToString(CultureInfo.InvariantCulture) + " 号",
                    },
                    secondRole == "Respondent"
                        ? new
                        {
                            role = secondRole, kind = "Organisation", name = Respondents[(variant + i) % Respondents.Length],
                            identifier = (string?)null, email = (string?)null, phone = (string?)null, address = (string?)null,
                        }
                        : new
                        {
                            role = secondRole, kind = "Person", name = "李明",
                            identifier = (string?)null, email = (string?)"li.ming@example.com", phone = (string?)null, address = (string?)null,
                        },
                },
                rights = new object[] { new { kind = rightKind, number = rightNumber, title = rightTitle } },
            };
            bodies[i] = Serialize(body);
        }

        return bodies;
    }

    private static string KindTitle(string kind) => kind switch
    {
        "FastTrackPreExamination" => "快速预审请求",
        "RightsDefence" => "侵权纠纷投诉",
        "Mediation" => "纠纷调解申请",
        _ => "仲裁申请",
    };

    private static (string Kind, string Number, string Title) Right(int index)
    {
        // Chinese application numbers: year, type digit (1 invention, 2 utility model, 3 design), 7-digit serial, check digit.
        var (kind, type, title) = (index % 3) switch
        {
            0 => ("InventionPatent", 1, "一种液晶显示面板的驱动方法"),
            1 => ("UtilityModelPatent", 2, "一种便携式电动工具的散热结构"),
            _ => ("DesignPatent", 3, "智能音箱（圆柱形）"),
        };
        var year = 2015 + (index % 10);
        var serial = 100_000 + (index * 7919 % 9_000_000);
        var digits = string.Create(CultureInfo.InvariantCulture, $"{year}{type}{serial:D7}");
        return (kind, digits + "." + CheckDigit(digits), title);
    }

    /// <summary>CNIPA check digit: weights 2..9,2..5 over the 12 digits, sum mod 11, 10 written as X.</summary>
    public static char CheckDigit(string twelveDigits)
    {
        int[] weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (twelveDigits[i] - '0') * weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }
}
