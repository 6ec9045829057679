using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cases.Workflows.Access;
using Npgsql;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Accounts and session tokens for tests, written straight into the fixture's database: the same
/// rows sign-in creates (a user, its roles, a hashed session token), without spending a password
/// hash on each. The bearer handler under test then recognises the token as it would any other.
/// A user asked for again with other roles, centre or enterprise is updated in place (tests in one
/// class run one after another); their token stays the same.
/// </summary>
public sealed class TestAccounts(string connectionString)
{
    private readonly ConcurrentDictionary<string, (string Spec, string Token)> known = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>A bearer token for the user, with exactly these roles and this centre or enterprise.</summary>
    public string TokenFor(string user, IReadOnlyCollection<string> roles, string? centre, Guid? enterprise)
    {
        var spec = $"{string.Join(',', roles.Order(StringComparer.Ordinal))}|{centre}|{enterprise}";
        if (known.TryGetValue(user, out var account) && account.Spec == spec)
        {
            return account.Token;
        }

        lock (gate)
        {
            if (known.TryGetValue(user, out account) && account.Spec == spec)
            {
                return account.Token;
            }

            // Synchronous on purpose: callers build clients synchronously, and blocking on async I/O could deadlock.
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            var userId = (Guid)Scalar(
                connection,
                """
                INSERT INTO users (id, user_name, normalized_user_name, security_stamp, concurrency_stamp, centre, enterprise_id, display_name, created_at)
                VALUES ($1, $2, upper($2), $3, $3, $4, $5, $2, now())
                ON CONFLICT (normalized_user_name) DO UPDATE SET centre = EXCLUDED.centre, enterprise_id = EXCLUDED.enterprise_id
                RETURNING id
                """,
                Guid.CreateVersion7(), user, Guid.NewGuid().ToString("N"), (object?)centre ?? DBNull.Value, (object?)enterprise ?? DBNull.Value)!;
            Scalar(connection, "DELETE FROM user_roles WHERE user_id = $1", userId);
            Scalar(connection, "INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE name = ANY($2)", userId, roles.ToArray());
            var token = account.Token;
            if (token is null)
            {
                token = AccessTokens.SessionPrefix + "test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
                Scalar(
                    connection,
                    "INSERT INTO access_tokens (id, user_id, kind, name, prefix, hash, created_at, expires_at) VALUES ($1, $2, 'Session', 'test', 'cs_test', $3, '2000-01-01', '2999-01-01')",
                    Guid.CreateVersion7(), userId, AccessTokens.HashOf(token));
            }

            transaction.Commit();
            known[user] = (spec, token);
            return token;
        }
    }

    /// <summary>Gives an existing account a password, hashed as Identity hashes it, so that it can sign in through the form.</summary>
    public void SetPassword(string user, string password)
    {
        var hash = new Microsoft.AspNetCore.Identity.PasswordHasher<CasesUser>().HashPassword(new CasesUser(), password);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Scalar(connection, "UPDATE users SET password_hash = $2, lockout_enabled = true, access_failed_count = 0, lockout_end = NULL WHERE normalized_user_name = upper($1)", user, hash);
    }

    /// <summary>Gives an existing account the name people know it by (e.g. the mediator's name a case records).</summary>
    public void SetDisplayName(string user, string displayName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Scalar(connection, "UPDATE users SET display_name = $2 WHERE normalized_user_name = upper($1)", user, displayName);
    }

    private static object? Scalar(NpgsqlConnection connection, string sql, params object[] values)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command.ExecuteScalar();
    }
}
