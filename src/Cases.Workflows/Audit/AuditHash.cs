using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cases.Workflows.Audit;

/// <summary>
/// The hash of an audit entry: SHA-256 over a canonical encoding of every field and the previous
/// entry's hash. The encoding is unambiguous — fixed-width numbers, a presence byte before each
/// nullable field and a length before each text — so no two different entries encode alike (e.g.
/// actor "ab" with subject "c" and actor "a" with subject "bc" differ).
/// </summary>
public static class AuditHash
{
    public const int Length = 32;

    /// <summary>The previous hash of the first entry.</summary>
    public static ReadOnlyMemory<byte> Genesis { get; } = new byte[Length];

    /// <summary>Names the encoding, so a later change of it cannot be confused with this one.</summary>
    private static readonly byte[] Version = "cases-audit-v1"u8.ToArray();

    /// <summary>
    /// PostgreSQL keeps timestamps to the microsecond and rounds anything finer; an instant is
    /// truncated to microseconds before it is hashed or stored, so what is read back hashes alike.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    public static byte[] Compute(
        long sequence,
        DateTimeOffset recordedAt,
        AuditKind kind,
        string actor,
        Guid? userId,
        string? sourceAddress,
        string? subject,
        string summary,
        ReadOnlySpan<byte> previousHash)
    {
        if (previousHash.Length != Length)
        {
            throw new ArgumentException($"A previous hash has {Length} bytes.", nameof(previousHash));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        WriteText(buffer, Encoding.ASCII.GetString(Version));
        WriteInt64(buffer, sequence);
        WriteInt64(buffer, MicrosecondsSinceUnixEpoch(ToStoredPrecision(recordedAt)));
        WriteText(buffer, kind.ToString());
        WriteText(buffer, actor);
        if (userId is { } id)
        {
            WriteByte(buffer, 1);
            buffer.Write(id.ToByteArray(bigEndian: true));
        }
        else
        {
            WriteByte(buffer, 0);
        }

        WriteOptionalText(buffer, sourceAddress);
        WriteOptionalText(buffer, subject);
        WriteText(buffer, summary);
        buffer.Write(previousHash);
        return SHA256.HashData(buffer.WrittenSpan);
    }

    public static byte[] Compute(AuditEntry entry) =>
        Compute(entry.Sequence, entry.RecordedAt, entry.Kind, entry.Actor, entry.UserId, entry.SourceAddress, entry.Subject, entry.Summary, entry.PreviousHash);

    private static long MicrosecondsSinceUnixEpoch(DateTimeOffset instant) =>
        (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static void WriteByte(ArrayBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }

    private static void WriteText(ArrayBufferWriter<byte> buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }

    private static void WriteOptionalText(ArrayBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            WriteByte(buffer, 0);
            return;
        }

        WriteByte(buffer, 1);
        WriteText(buffer, text);
    }
}
