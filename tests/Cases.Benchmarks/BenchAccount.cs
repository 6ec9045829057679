using System.Net.Http.Headers;
using System.Security.Cryptography;
using Cases.Workflows.Access;
using Npgsql;

namespace Cases.Benchmarks;

/// <summary>
/// The load generator's account: a system administrator holding every role (so one client may
/// file at any centre and take any action), with a session token written straight into the bench
/// database, as sign-in would write it. Requests then pay what every API client pays: the bearer
/// token's lookup by hash. Its password is never set, so nobody can sign in as it.
/// </summary>
internal static class BenchAccount
{
    public static async Task SignInAsync(HttpClient http, string connectionString, CancellationToken cancellationToken)
    {
        var token = AccessTokens.SessionPrefix + "bench_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var batch = dataSource.CreateBatch();
        var userId = Guid.CreateVersion7();
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO users (id, user_name, normalized_user_name, security_stamp, concurrency_stamp, display_name, created_at)
            VALUES ($1, 'bench', 'BENCH', $2, $2, 'Load generator', now())
            ON CONFLICT (normalized_user_name) DO NOTHING
            """,
            userId, Guid.NewGuid().ToString("N")));
        batch.BatchCommands.Add(Command("INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u CROSS JOIN roles r WHERE u.normalized_user_name = 'BENCH' ON CONFLICT DO NOTHING"));
        batch.BatchCommands.Add(Command(
            "INSERT INTO access_tokens (id, user_id, kind, name, prefix, hash, created_at, expires_at) SELECT $1, id, 'Session', 'bench', 'cs_bench', $2, now(), now() + interval '1 day' FROM users WHERE normalized_user_name = 'BENCH'",
            Guid.CreateVersion7(), AccessTokens.HashOf(token)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
