using System.Security.Cryptography;

namespace RaidCommand.Server.Commands;

/// <summary>
/// Event ids derived from the command id, so that a command retried after a lost answer produces the very
/// same event ids and the store acknowledges instead of writing twice, even when two retries race.
/// </summary>
public static class EventIds
{
    public static Guid For(Guid commandId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        commandId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], index);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom) and the RFC variant bits.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
