using System.IO.Compression;
using ConnectionRules.Cli.Export;

namespace ConnectionRules.Cli.Tests.Export;

/// <summary>The checksum that tells a damaged zip entry: the one zip archives record.</summary>
public sealed class Crc32Tests
{
    [Fact]
    public void The_check_value_of_the_standard_is_met() =>
        Assert.Equal(0xCBF43926u, Crc32.Of("123456789"u8));

    [Fact]
    public void Nothing_has_a_crc_of_zero() =>
        Assert.Equal(0u, Crc32.Of(ReadOnlySpan<byte>.Empty));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81_920)]
    [InlineData(200_003)]
    public void A_stream_read_in_pieces_gives_what_zip_records_for_it(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("data.bin").Open();
            entry.Write(data);
        }

        zip.Position = 0;
        using var read = new ZipArchive(zip, ZipArchiveMode.Read);
        using var stream = read.Entries[0].Open();
        Assert.Equal(read.Entries[0].Crc32, Crc32.Of(stream));
        Assert.Equal(read.Entries[0].Crc32, Crc32.Of(data));
    }
}
