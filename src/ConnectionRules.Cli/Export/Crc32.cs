using System.Buffers;

namespace ConnectionRules.Cli.Export;

/// <summary>
/// The CRC-32 a zip archive records for each entry (ISO-HDLC: polynomial 0x04C11DB7, reflected, as zlib computes it),
/// to tell a damaged entry from a good one: .NET decompresses an entry without checking it. Table-driven, a byte at a
/// time; System.IO.Hashing has a faster one, but is a package of its own that the tool does not otherwise need.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of everything left in the stream, read to its end.</summary>
    public static uint Of(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var crc = 0xFFFFFFFFu;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                crc = Append(crc, buffer.AsSpan(0, read));
            }

            return ~crc;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The CRC-32 of the bytes.</summary>
    public static uint Of(ReadOnlySpan<byte> bytes) => ~Append(0xFFFFFFFFu, bytes);

    private static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = Table[(byte)(crc ^ b)] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

/// <summary>A zip entry whose data does not have the CRC-32 the archive records for it: damaged in the download or on disk.</summary>
internal sealed class DamagedZipEntryException(string message) : IOException(message);
