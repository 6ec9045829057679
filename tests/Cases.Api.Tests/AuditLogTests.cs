using Npgsql;

namespace Cases.Api.Tests;

/// <summary>
/// The hash-chained audit log (审计日志): sign-ins, changes and reads of cases are entries with who,
/// from where and what; a failed change leaves none; the chain shows an altered or removed entry;
/// the database refuses changes to it; concurrent writers leave one chain without gaps.
/// </summary>
public sealed class AuditLogTests(CasesApiWithClientAddress api) : IClassFixture<CasesApiWithClientAddress>
{
    private const string Password = "Correct-Horse-42-Battery";
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_are_logged_with_the_source_address()
    {
        var created = await api.Admin().PostAsJsonAsync("/api/users", new { userName = "li.na", displayName = "Li Na", password = Password, roles = new[] { "CaseHandler" }, centre = "GD" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var anonymous = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "li.na", password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "li.na", password = "Wrong-Password-42" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "nobody.here", password = Password })).StatusCode);

        var entries = await AuditLog.RowsAsync(api, "kind IN ('SignIn', 'SignInFailed') AND actor IN ('li.na', 'nobody.here')");
        Assert.Collection(
            entries,
            signIn => Assert.Equal(("SignIn", "li.na", userId, $"user:{userId}", "Signed in"), (signIn.Kind, signIn.Actor, signIn.UserId!.Value, signIn.Subject!, signIn.Summary)),
            wrong => Assert.Equal(("SignInFailed", "li.na", userId, "Sign-in failed: wrong password"), (wrong.Kind, wrong.Actor, wrong.UserId!.Value, wrong.Summary)),
            unknown => Assert.Equal(("SignInFailed", "nobody.here", (Guid?)null, "Sign-in failed: unknown user"), (unknown.Kind, unknown.Actor, unknown.UserId, unknown.Summary)));
        Assert.All(entries, entry => Assert.Equal(CasesApiWithClientAddress.ClientAddress, entry.SourceAddress));
        Assert.All(entries, entry => Assert.DoesNotContain(Password, entry.Summary, StringComparison.Ordinal));
        var creation = Assert.Single(await AuditLog.RowsAsync(api, "kind = 'Change' AND subject = $1", $"user:{userId}"));
        Assert.Equal(("tester", $"CreateUser on user:{userId}"), (creation.Actor, creation.Summary));
    }

    [Fact]
    public async Task A_filing_an_action_and_reads_of_the_case_are_logged_with_actor_and_subject()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });
        var client = workflow.Anyone();
        foreach (var part in new[] { string.Empty, "/timeline", "/diagram", "/actions", "/deadlines" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{id}{part}")).StatusCode);
        }

        var tester = await UserIdAsync("tester");
        var entries = await AuditLog.RowsAsync(api, "subject = $1", $"case:{id}");
        Assert.Equal(
            [
                ("Change", $"FileCase on case:{id}"),
                ("Change", $"TakeAction acceptCase on case:{id}"),
                ("CaseRead", $"GetCase of case:{id}"),
                ("CaseRead", $"GetCaseTimeline of case:{id}"),
                ("CaseRead", $"GetCaseDiagram of case:{id}"),
                ("CaseRead", $"ListAvailableActions of case:{id}"),
                ("CaseRead", $"GetCaseDeadlines of case:{id}"),
            ],
            entries.Select(entry => (entry.Kind, entry.Summary)).ToArray());
        Assert.All(entries, entry => Assert.Equal(("tester", tester, CasesApiWithClientAddress.ClientAddress), (entry.Actor, entry.UserId, entry.SourceAddress)));
        // Never the parties' names, phone numbers or identifiers.
        Assert.All(entries, entry => Assert.DoesNotContain("Lingnan", entry.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_that_fails_and_a_read_that_fails_leave_no_entry()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        var before = await AuditLog.RowsAsync(api, "subject = $1", $"case:{id}");

        // Refused by a domain rule inside the transaction, after the handler ran: rolled back.
        var unchanged = await workflow.Anyone().PutAsJsonAsync($"/api/cases/{id}/priority", new { priority = false, reason = "Not urgent" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unchanged.StatusCode);
        // A concurrent change: also rolled back.
        var stale = await workflow.TryAsync(id, "acceptCase", new { infringementRegion = "GD" }, expectedVersion: 7);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var missing = Guid.CreateVersion7();
        Assert.Equal(HttpStatusCode.NotFound, (await workflow.Anyone().GetAsync($"/api/cases/{missing}")).StatusCode);

        Assert.Equal(before, await AuditLog.RowsAsync(api, "subject = $1", $"case:{id}"));
        Assert.Empty(await AuditLog.RowsAsync(api, "subject = $1", $"case:{missing}"));
        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Verification_finds_an_altered_entry_a_rechained_entry_and_a_removed_one()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.CaseAsync(id);
        await workflow.CaseAsync(id);
        var intact = await VerifyAsync();
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        var count = intact.GetProperty("entries").GetInt64();
        Assert.Equal(count, intact.GetProperty("lastSequence").GetInt64());
        Assert.False(intact.TryGetProperty("firstBadEntry", out _));
        var k = (await AuditLog.RowsAsync(api, "subject = $1", $"case:{id}"))[1].Sequence;

        // Someone with database access changes who read the case.
        await AuditLog.TamperAsync(api, "UPDATE audit_log SET actor = 'someone.else' WHERE sequence = $1", k);
        var altered = await VerifyAsync();
        Assert.False(altered.GetProperty("intact").GetBoolean());
        Assert.Equal(k - 1, altered.GetProperty("entries").GetInt64());
        Assert.Equal(k, altered.GetProperty("firstBadEntry").GetProperty("sequence").GetInt64());
        Assert.Equal("hash does not match its contents", altered.GetProperty("firstBadEntry").GetProperty("reason").GetString());

        // …and, knowing the algorithm, recomputes that entry's hash: the next entry no longer links to it.
        await RehashAsync(k);
        var rechained = await VerifyAsync();
        Assert.Equal(k + 1, rechained.GetProperty("firstBadEntry").GetProperty("sequence").GetInt64());
        Assert.Equal($"previous hash does not match entry {k}", rechained.GetProperty("firstBadEntry").GetProperty("reason").GetString());
        await AuditLog.TamperAsync(api, "UPDATE audit_log SET actor = 'tester' WHERE sequence = $1", k);
        await RehashAsync(k);
        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());

        // …or removes the entry altogether.
        await AuditLog.ExecuteAsync(api, $"CREATE TABLE removed_entry AS SELECT * FROM audit_log WHERE sequence = {k}");
        await AuditLog.TamperAsync(api, "DELETE FROM audit_log WHERE sequence = $1", k);
        var gap = await VerifyAsync();
        Assert.False(gap.GetProperty("intact").GetBoolean());
        Assert.Equal(k, gap.GetProperty("firstBadEntry").GetProperty("sequence").GetInt64());
        Assert.Equal($"sequence gap after {k - 1}", gap.GetProperty("firstBadEntry").GetProperty("reason").GetString());
        await AuditLog.ExecuteAsync(api, "INSERT INTO audit_log SELECT * FROM removed_entry");
        await AuditLog.ExecuteAsync(api, "DROP TABLE removed_entry");
        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task The_database_refuses_to_update_delete_or_truncate_entries()
    {
        await workflow.FileAsync(Filings.RightsDefence());
        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'someone.else'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => AuditLog.ExecuteAsync(api, sql));
            Assert.Contains("audit_log is append-only", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Concurrent_writers_leave_one_chain_without_gaps_or_forks()
    {
        var filings = Enumerable.Range(0, 20).Select(index => workflow.FileAsync(Filings.RightsDefence(title: $"Parallel filing {index}")));
        var ids = await Task.WhenAll(filings);
        await Task.WhenAll(ids.Select(id => workflow.CaseAsync(id)));

        var verification = await VerifyAsync();
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        var rows = await AuditLog.RowsAsync(api);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(sequence => (long)sequence), rows.Select(row => row.Sequence));
        Assert.Equal(rows.Count, verification.GetProperty("entries").GetInt64());
        foreach (var id in ids)
        {
            Assert.Equal(["Change", "CaseRead"], (await AuditLog.RowsAsync(api, "subject = $1", $"case:{id}")).Select(row => row.Kind));
        }
    }

    [Fact]
    public async Task Only_system_administrators_read_or_verify_the_log()
    {
        var handler = api.ClientAs(api, "handler.audit", "CaseHandler,Supervisor,CentreAdmin");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/audit")).StatusCode);
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task Entries_are_listed_newest_first_by_subject_and_kind_a_page_at_a_time()
    {
        var id = await workflow.FileAsync(Filings.RightsDefence());
        for (var read = 0; read < 3; read++)
        {
            await workflow.CaseAsync(id);
        }

        var admin = api.Admin();
        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?subject=case:{id}&kind=CaseRead&limit=2");
        var sequences = first.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(2, sequences.Count);
        Assert.True(sequences[0] > sequences[1]);
        var next = first.GetProperty("nextBefore").GetInt64();
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?subject=case:{id}&kind=CaseRead&limit=2&before={next}");
        var last = Assert.Single(second.GetProperty("entries").EnumerateArray());
        Assert.Equal("CaseRead", last.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBefore").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/audit?kind=Everything")).StatusCode);
    }

    private async Task<JsonElement> VerifyAsync() => await api.Admin().GetFromJsonAsync<JsonElement>("/api/audit/verify");

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM users WHERE user_name = $1", connection) { Parameters = { new NpgsqlParameter { Value = userName } } };
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Recomputes an entry's hash from its stored contents, as an attacker who knows the encoding would.</summary>
    private async Task RehashAsync(long sequence)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT recorded_at, kind, actor, user_id, source_address, subject, summary, previous_hash FROM audit_log WHERE sequence = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = sequence } },
        };
        byte[] hash;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            hash = Workflows.Audit.AuditHash.Compute(
                sequence,
                new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero),
                Enum.Parse<Workflows.Audit.AuditKind>(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetFieldValue<byte[]>(7));
        }

        await AuditLog.TamperAsync(api, "UPDATE audit_log SET hash = $2 WHERE sequence = $1", sequence, hash);
    }
}
