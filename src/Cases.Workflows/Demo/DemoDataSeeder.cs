using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Enterprises.Rules;
using Cases.Domain.Centres;
using Cases.Domain.Regions;
using Cases.Domain.Rights;
using Cases.Workflows.Cases;
using Cases.Workflows.Cases.FileCase;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.ConfigurePreExamination;
using Cases.Workflows.Centres.RegisterCentre;
using Cases.Workflows.Enterprises.RegisterKeyEnterprise;
using Cases.Workflows.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Demo;

/// <summary>
/// Seeds demonstration data through the ordinary commands: the 11 regional centres of the 9+2
/// and a few cases at each. Seeding again adds nothing: centres are matched by code, cases by
/// their external reference (<c>DEMO-GD-01</c>…).
/// </summary>
public sealed class DemoDataSeeder(IMediator mediator, CasesDbContext database, DemoAccounts accounts)
{
    private static readonly IReadOnlyDictionary<string, string> CentreNames = new Dictionary<string, string>
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
        ["HK"] = "香港特別行政區知識產權署",
        ["MO"] = "澳門特別行政區經濟及科技發展局知識產權廳",
    };

    // Check digits are computed, so every demo number passes the same validation as real input.
    private static readonly (CaseKind Kind, string Title, IntellectualPropertyKind RightKind, string Serial)[] Templates =
    [
        (CaseKind.RightsDefence, "电商平台销售涉嫌侵犯发明专利的空气净化器", IntellectualPropertyKind.InventionPatent, "2023101"),
        (CaseKind.FastTrackPreExamination, "一种锂电池极片涂布装置 — 快速预审请求", IntellectualPropertyKind.InventionPatent, "2024102"),
        (CaseKind.Mediation, "外观设计专利许可费纠纷调解申请", IntellectualPropertyKind.DesignPatent, "2025303"),
    ];

    public async Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        var existingCentres = (await database.Centres.AsNoTracking().Select(centre => centre.Code).ToListAsync(cancellationToken))
            .Select(code => code.Value)
            .ToHashSet();
        var centresAdded = 0;
        foreach (var region in Region.All.Where(region => !existingCentres.Contains(region.Code)))
        {
            await mediator.Send(new RegisterCentreCommand(new CentreCode(region.Code), region.Code, CentreNames[region.Code]), cancellationToken);
            centresAdded++;
        }

        // Each centre pre-examines optics, batteries and communications, for its own demo applicant,
        // so the demo fast-track cases can pass the eligibility check.
        foreach (var region in Region.All)
        {
            await mediator.Send(
                new ConfigurePreExaminationCommand(new CentreCode(region.Code), ["G02B", "H01M", "H04L"], [new RegisteredApplicantDetails(DemoApplicantOf(region), null)]),
                cancellationToken);
        }

        var existingReferences = (await database.CaseQueue
                .Where(row => row.ExternalReference != null && row.ExternalReference.StartsWith("DEMO-"))
                .Select(row => row.ExternalReference!)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var casesAdded = 0;
        foreach (var region in Region.All)
        {
            for (var index = 0; index < Templates.Length; index++)
            {
                var reference = $"DEMO-{region.Code}-{index + 1:D2}";
                if (!existingReferences.Contains(reference))
                {
                    await mediator.Send(DemoCase(region, index, reference), cancellationToken);
                    casesAdded++;
                }
            }
        }

        return new DemoSeedResult(centresAdded, casesAdded);
    }

    /// <summary>The demo key enterprises (重点企业) on the direct channel, one at each demo centre, and their users.</summary>
    public static readonly IReadOnlyList<(string UserName, string EnterpriseName, string Centre, string CreditCodeStem, bool HighTech, int PatentsAndTrademarks)> EnterpriseAccounts =
    [
        ("lingnan.user", "岭南洁净空气科技有限公司", "GD", "91440101MA59DEM01", true, 12),
        ("harbour.user", "Harbour Optics Limited", "HK", "91810000MA5HDEM02", false, 45),
    ];

    /// <summary>
    /// The demo accounts (see <see cref="DemoAccounts"/>) and the demo key enterprises with a user
    /// each, all with the given password; returns how many accounts were created now.
    /// </summary>
    public async Task<int> SeedAccountsAsync(string password, CancellationToken cancellationToken)
    {
        var created = await accounts.SeedStaffAsync(password);
        foreach (var (userName, name, centre, stem, highTech, patentsAndTrademarks) in EnterpriseAccounts)
        {
            var code = stem + UnifiedSocialCreditCodeMustBeValidRule.CheckCharacterOf(stem);
            var registered = await database.Enterprises.AsNoTracking().Where(candidate => candidate.UnifiedSocialCreditCode == code).Select(candidate => candidate.Id).ToListAsync(cancellationToken);
            var enterprise = registered.Count > 0
                ? registered[0].Value
                : (await mediator.Send(new RegisterKeyEnterpriseCommand(new CentreCode(centre), name, code, highTech, patentsAndTrademarks), cancellationToken)).Id;
            created += await accounts.EnsureAsync(userName, $"{name} user", [Role.EnterpriseUser], null, enterprise, password) ? 1 : 0;
        }

        return created;
    }

    private static string DemoApplicantOf(Region region) => $"{region.SimplifiedChineseName}示范科技有限公司";

    private static FileCaseCommand DemoCase(Region region, int index, string reference)
    {
        var template = Templates[index];
        var digits = template.Serial[..4] + template.Serial[4] + (region.Code[0] * 100 + region.Code[1]).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var patentNumber = $"{digits}.{PatentApplicationNumber.CheckDigitOf(digits)}";
        var filer = template.Kind == CaseKind.RightsDefence ? PartyRole.Complainant : PartyRole.Applicant;
        var parties = new List<FileCaseCommand.PartyInput>
        {
            new(filer, PartyKind.Organisation, DemoApplicantOf(region), null, "ip@example.com", "+86 20 8000 0000", null),
        };
        if (template.Kind != CaseKind.FastTrackPreExamination)
        {
            parties.Add(new(PartyRole.Respondent, PartyKind.Organisation, $"{region.SimplifiedChineseName}某贸易有限公司", null, null, null, null));
        }

        return new FileCaseCommand(
            new CentreCode(region.Code),
            template.Kind,
            template.Title,
            parties,
            [new FileCaseCommand.RightInput(template.RightKind, patentNumber)],
            Summary: "演示数据 (demo data).",
            Priority: index == 0,
            ExternalReference: reference);
    }
}

public sealed record DemoSeedResult(int CentresAdded, int CasesAdded);
