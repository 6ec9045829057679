using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>One row of <c>audit_log</c> as a test reads it.</summary>
public sealed record AuditRow(long Sequence, string Kind, string Actor, Guid? UserId, string? SourceAddress, string? Subject, string Summary);

/// <summary>The fixture's audit log read straight from the database, and SQL run as its owner (what an attacker with database access could do).</summary>
public static class AuditLog
{
    public static async Task<IReadOnlyList<AuditRow>> RowsAsync(CasesApi api, string where = "true", params object[] values)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT sequence, kind, actor, user_id, source_address, subject, summary FROM audit_log WHERE {where} ORDER BY sequence", connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>Runs SQL with the append-only triggers disabled, in one transaction that enables them again: tampering as the table's owner.</summary>
    public static async Task TamperAsync(CasesApi api, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, "ALTER TABLE audit_log DISABLE TRIGGER USER");
        await ExecuteAsync(connection, transaction, sql, values);
        await ExecuteAsync(connection, transaction, "ALTER TABLE audit_log ENABLE TRIGGER USER");
        await transaction.CommitAsync();
    }

    public static async Task ExecuteAsync(CasesApi api, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, sql, values);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The test server gives requests no client address; this fixture's requests come from
/// <see cref="ClientAddress"/>, as if over the network, so the audit log has one to record.
/// </summary>
public sealed class CasesApiWithClientAddress : CasesApi
{
    public const string ClientAddress = "203.0.113.7";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>());
    }

    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
