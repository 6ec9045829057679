using System.Net.Http.Json;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Cases for the reports, filed and moved on through the API at set times (UTC+8) in the first
/// quarter of 2026, in time order, so the clock never goes back. Every figure the report tests expect
/// is worked out here. The mainland calendar of 2026 has 1–3 January and 15–23 February off, and
/// Sunday 4 January as a working day.
/// <list type="bullet">
/// <item>FJ rights defence: R0 (filed and refused 31 Dec 2025, before the period); R4 (filed 1 Jan
/// 00:10, just inside, refused 10 minutes later); R1 (filed 5 Jan, refused 7 Jan); R2 (filed 5 Jan,
/// accepted 14 Jan, a day after its acceptance limit ran out on 13 Jan: late; served 16 Jan, defence
/// 20 Jan); R3 (filed 2 Feb, accepted 4 Feb, served 5 Feb, defence 9 Feb); R5 (filed 2 Feb, referred
/// to JX 3 Feb, taken over by JX 5 Feb, refused there 6 Feb).</item>
/// <item>JX rights defence: J1 (filed 5 Jan, never decided: its acceptance limit ran out 13 Jan), and R5 after the referral.</item>
/// <item>FJ fast track: F1 (filed 5 Jan, granted 16 Feb as an invention, recorded 20 Feb), F2 (filed 5
/// Jan, granted 25 Jan as a utility model), F3 (filed 2 Feb, granted 12 Feb as a design).</item>
/// <item>FJ-CSV1, a sub-centre whose registered name is a spreadsheet formula with commas and
/// quotes: C1 (filed 5 Jan, never decided).</item>
/// </list>
/// </summary>
public static class ReportScenario
{
    public static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);

    /// <summary>The sub-centre whose name tests the CSV's escaping.</summary>
    public const string FormulaCentre = "FJ-CSV1";

    public const string FormulaCentreName = "=HYPERLINK(\"http://evil.example\",\"x\")";

    public const string FastTrack = "fast-track-pre-examination";

    public const string RightsDefence = "rights-defence";

    public static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) => new(year, month, day, hour, minute, 0, Utc8);

    public static async Task SeedAsync(CasesApi api)
    {
        var workflow = new Workflow(api);
        var admin = workflow.Anyone();
        (await admin.PutAsJsonAsync("/api/centres/FJ/pre-examination", new
        {
            technicalScope = new[] { "G02B" },
            registeredApplicants = new[] { new { name = Filings.ApplicantName, identifier = "91440400MA4UXXXX2B" } },
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/centres", new { code = FormulaCentre, region = "FJ", name = FormulaCentreName })).EnsureSuccessStatusCode();

        async Task<Guid> File(DateTimeOffset at, Dictionary<string, object?> filing)
        {
            api.Clock.Set(at);
            return await workflow.FileAsync(filing);
        }

        async Task Act(DateTimeOffset at, Guid id, string action, object? payload = null)
        {
            api.Clock.Set(at);
            await workflow.ActAsync(id, action, payload);
        }

        var refusal = new { reason = "Outside the scope of patent disputes." };
        var eligible = new { ipcClass = "G02B 13/00", pctNationalPhase = false };

        var r0 = await File(At(2025, 12, 31, 23, 30), Filings.RightsDefence("FJ"));
        await Act(At(2025, 12, 31, 23, 40), r0, "refuseCase", refusal);
        var r4 = await File(At(2026, 1, 1, 0, 10), Filings.RightsDefence("FJ"));
        await Act(At(2026, 1, 1, 0, 20), r4, "refuseCase", refusal);

        var r1 = await File(At(2026, 1, 5), Filings.RightsDefence("FJ"));
        var r2 = await File(At(2026, 1, 5), Filings.RightsDefence("FJ"));
        await File(At(2026, 1, 5), Filings.RightsDefence("JX"));
        await File(At(2026, 1, 5), Filings.RightsDefence(FormulaCentre));
        var f1 = await File(At(2026, 1, 5), Filings.FastTrack("FJ"));
        var f2 = await File(At(2026, 1, 5), Filings.FastTrack("FJ"));
        await Act(At(2026, 1, 6), f1, "confirmEligibility", eligible);
        await Act(At(2026, 1, 6), f2, "confirmEligibility", eligible);
        await Act(At(2026, 1, 7), r1, "refuseCase", refusal);
        await Act(At(2026, 1, 7), f2, "confirmFormalities");
        await Act(At(2026, 1, 8), f1, "confirmFormalities");
        await Act(At(2026, 1, 8), f2, "passPreExamination");
        await Act(At(2026, 1, 9), f2, "submitToCnipa");
        await Act(At(2026, 1, 12), f1, "passPreExamination");
        await Act(At(2026, 1, 13), f1, "submitToCnipa");
        await Act(At(2026, 1, 14), r2, "acceptCase", new { infringementRegion = "FJ" });
        await Act(At(2026, 1, 16), r2, "serveRespondent", new { servedOn = "2026-01-16" });
        // The defence is recorded, so no expiry of the defence period moves the case at a time the test does not control.
        await Act(At(2026, 1, 20), r2, "recordDefence");
        await Act(At(2026, 1, 26), f2, "recordGrant", new { grantDate = "2026-01-25", patentType = "UtilityModel" });

        var r3 = await File(At(2026, 2, 2), Filings.RightsDefence("FJ"));
        var r5 = await File(At(2026, 2, 2), Filings.RightsDefence("FJ"));
        var f3 = await File(At(2026, 2, 2), Filings.FastTrack("FJ"));
        await Act(At(2026, 2, 3), r5, "referCase", new { centre = "JX", infringementRegion = "JX", reason = "The seller trades in Nanchang." });
        await Act(At(2026, 2, 3), f3, "confirmEligibility", eligible);
        await Act(At(2026, 2, 4), r3, "acceptCase", new { infringementRegion = "FJ" });
        await Act(At(2026, 2, 4), f3, "confirmFormalities");
        await Act(At(2026, 2, 5), r3, "serveRespondent", new { servedOn = "2026-02-05" });
        await Act(At(2026, 2, 5), r5, "acceptReferral");
        await Act(At(2026, 2, 5), f3, "passPreExamination");
        await Act(At(2026, 2, 6), r5, "refuseCase", refusal);
        await Act(At(2026, 2, 6), f3, "submitToCnipa");
        await Act(At(2026, 2, 9), r3, "recordDefence");
        await Act(At(2026, 2, 13), f3, "recordGrant", new { grantDate = "2026-02-12", patentType = "Design" });
        await Act(At(2026, 2, 20), f1, "recordGrant", new { grantDate = "2026-02-16", patentType = "Invention" });

        api.Clock.Set(CasesApi.DefaultNow);
    }
}
