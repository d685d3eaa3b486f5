using System.IO.Compression;
using System.Text;
using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

public class PluginArchiveSafetyTests
{
    private static readonly byte[] ValidZip = TestZip.Build(
        ("acme/", ""),
        ("acme/acme.php", TestZip.MainFile("Acme", "1.0.0")),
        ("acme/readme.txt", "=== Acme ===\nStable tag: 1.0.0\n"),
        ("acme/includes/a.php", new string('a', 5000)));

    [Theory]
    [InlineData("../evil.php", "'..' segment")]
    [InlineData("acme/../../x.php", "'..' segment")]
    [InlineData("a/../../x", "'..' segment")]
    [InlineData("acme/..", "'..' segment")]
    [InlineData("/abs.php", "absolute path")]
    [InlineData("/acme/acme.php", "absolute path")]
    [InlineData("C:\\x", "drive letter")]
    [InlineData("c:/windows/x.php", "drive letter")]
    [InlineData("..\\evil.php", "'..' segment")]
    [InlineData("acme\\..\\..\\evil.php", "'..' segment")]
    [InlineData("\\abs.php", "absolute path")]
    [InlineData("\\\\server\\share\\x.php", "absolute path")]
    [InlineData("acme/./x.php", "'.' segment")]
    [InlineData("acme/.. /x.php", "'.. ' segment")]
    [InlineData("acme/file.php:stream", "contains ':'")]
    [InlineData("acme/x\u0001.php", "control characters")]
    public void Traversal_and_absolute_entry_names_are_refused(string name, string why)
    {
        var zip = TestZip.Build(("acme/acme.php", TestZip.MainFile()), (name, "<?php"));

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.UnsafeEntryPath, ex.Reason);
        Assert.Equal(name, ex.EntryName);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsafe_names_are_refused_even_under_macosx()
    {
        var ex = TestZip.Refused(TestZip.Build(("acme/acme.php", TestZip.MainFile()), ("__MACOSX/../../x", "")));

        Assert.Equal(InvalidPluginArchiveReason.UnsafeEntryPath, ex.Reason);
    }

    [Fact]
    public void Control_characters_in_names_are_escaped_in_the_message()
    {
        var ex = TestZip.Refused(TestZip.Build(("acme/acme.php", TestZip.MainFile()), ("acme/\r\nfake log line", "")));

        Assert.Contains("acme/\\u000D\\u000Afake log line", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("acme/..data/x.php")]
    [InlineData("acme/...hidden")]
    [InlineData("acme/a..b.php")]
    [InlineData("acme/.well-known/x")]
    public void Names_with_dots_that_are_not_traversal_are_accepted(string name)
    {
        var info = TestZip.Inspect(TestZip.Build(("acme/acme.php", TestZip.MainFile()), (name, "x")));

        Assert.Equal("acme", info.Slug);
    }

    public static TheoryData<string, byte[]> NotZips => new()
    {
        { "empty", [] },
        { "text", Encoding.UTF8.GetBytes("<?php\n/* Plugin Name: Not a zip */\n") },
        { "html error page", Encoding.UTF8.GetBytes("<html><body>502 Bad Gateway</body></html>") },
        { "truncated to half", ValidZip[..(ValidZip.Length / 2)] },
        { "missing end record", ValidZip[..^10] },
        { "gzip", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3] },
        { "local header only", ValidZip[..30] },
        { "end record only", ValidZip[^22..] },
    };

    [Theory]
    [MemberData(nameof(NotZips))]
    public void Garbage_is_not_a_zip(string what, byte[] bytes)
    {
        var ex = TestZip.Refused(bytes);

        Assert.True(ex.Reason == InvalidPluginArchiveReason.NotAZip, $"{what}: {ex.Reason} {ex.Message}");
        Assert.Contains("ZIP", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_on_disk_is_not_a_zip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, []);
        try
        {
            var ex = Assert.Throws<InvalidPluginArchiveException>(() => PluginArchive.Inspect(path));

            Assert.Equal(InvalidPluginArchiveReason.NotAZip, ex.Reason);
            Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Corrupt_main_file_data_is_reported_with_its_entry_name()
    {
        // Corrupt the deflate data of the first entry (its local header is at offset 0; data follows name + 30 bytes).
        var zip = TestZip.Build(("acme/acme.php", TestZip.MainFile() + new string('z', 3000)));
        int dataStart = 30 + "acme/acme.php".Length;
        for (int i = dataStart; i < dataStart + 8; i++)
        {
            zip[i] = 0xFF;
        }

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.NotAZip, ex.Reason);
        Assert.Equal("acme/acme.php", ex.EntryName);
    }

    [Fact]
    public void Too_many_entries_is_a_limit()
    {
        var entries = Enumerable.Range(0, 50).Select(i => ($"acme/f{i}.txt", "x")).Append(("acme/acme.php", TestZip.MainFile())).ToArray();
        var zip = TestZip.Build(entries);

        var ex = TestZip.Refused(zip, new PluginArchiveLimits { MaxEntries = 50 });

        Assert.Equal(InvalidPluginArchiveReason.LimitExceeded, ex.Reason);
        Assert.Contains("51 entries; at most 50", ex.Message, StringComparison.Ordinal);
        Assert.Equal("acme", TestZip.Inspect(zip, new PluginArchiveLimits { MaxEntries = 51 }).Slug);
    }

    [Fact]
    public void The_default_entry_limit_is_20000()
    {
        var entries = Enumerable.Range(0, 20_000).Select(i => ($"acme/f{i}", "")).Append(("acme/acme.php", TestZip.MainFile())).ToArray();
        var zip = TestZip.Build(entries);

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.LimitExceeded, ex.Reason);
        Assert.Equal(20_000, PluginArchiveLimits.Default.MaxEntries);
    }

    [Fact]
    public void Declared_entry_count_is_checked_before_the_central_directory_is_read()
    {
        // Claim 65,000 entries in the end-of-central-directory record of a small ZIP.
        var zip = (byte[])ValidZip.Clone();
        int end = zip.Length - 22;
        Assert.Equal(0x06054b50u, BitConverter.ToUInt32(zip, end));
        BitConverter.TryWriteBytes(zip.AsSpan(end + 8), (ushort)65_000);
        BitConverter.TryWriteBytes(zip.AsSpan(end + 10), (ushort)65_000);

        var ex = TestZip.Refused(zip, new PluginArchiveLimits { MaxEntries = 1000 });

        Assert.Equal(InvalidPluginArchiveReason.LimitExceeded, ex.Reason);
        Assert.Contains("65,000 entries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_uncompressed_size_is_a_limit()
    {
        var zip = TestZip.Build(("acme/acme.php", TestZip.MainFile()), ("acme/big.bin", new string('0', 100_000)));

        var ex = TestZip.Refused(zip, new PluginArchiveLimits { MaxTotalUncompressedBytes = 50_000 });

        Assert.Equal(InvalidPluginArchiveReason.LimitExceeded, ex.Reason);
        Assert.Equal("acme/big.bin", ex.EntryName);
        Assert.Contains("more than 50,000 bytes once extracted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_declared_size_without_inflating_it()
    {
        // 1 GiB of zeros declared in the central directory, a few MiB on disk.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var main = zip.CreateEntry("acme/acme.php").Open())
            {
                main.Write(Encoding.UTF8.GetBytes(TestZip.MainFile()));
            }

            using var bomb = zip.CreateEntry("acme/bomb.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 1024; i++)
            {
                bomb.Write(zeros);
            }
        }

        var ex = TestZip.Refused(buffer.ToArray());

        Assert.Equal(InvalidPluginArchiveReason.LimitExceeded, ex.Reason);
        Assert.Contains("512 MiB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lying_declared_size_still_reads_only_8_KiB_of_the_main_file()
    {
        // The central directory says the main file is 100 bytes; its data inflates to 5 MiB.
        var content = TestZip.MainFile("Liar", "6.6") + new string(' ', 5 * 1024 * 1024);
        var zip = TestZip.Build(("acme/acme.php", content));
        int central = IndexOf(zip, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.TryWriteBytes(zip.AsSpan(central + 24), 100u);

        var info = TestZip.Inspect(zip, new PluginArchiveLimits { MaxTotalUncompressedBytes = 1000 });

        Assert.Equal("6.6", info.Version);
    }

    [Fact]
    public void Archive_size_is_a_limit()
    {
        var ex = TestZip.Refused(ValidZip, new PluginArchiveLimits { MaxArchiveBytes = ValidZip.Length - 1 });

        Assert.Equal(InvalidPluginArchiveReason.LimitExceeded, ex.Reason);
        Assert.Equal("acme", TestZip.Inspect(ValidZip, new PluginArchiveLimits { MaxArchiveBytes = ValidZip.Length }).Slug);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PluginArchiveLimits { MaxEntries = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PluginArchiveLimits { MaxTotalUncompressedBytes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PluginArchiveLimits { MaxArchiveBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PluginArchiveLimits { MaxReadmeBytes = 0 });
    }

    [Fact]
    public void A_non_seekable_stream_is_read_and_not_disposed()
    {
        var stream = new NonSeekableStream(ValidZip);

        var info = PluginArchive.Inspect(stream);

        Assert.Equal("acme", info.Slug);
        Assert.Equal("1.0.0", info.Version);
        Assert.False(stream.Disposed);
    }

    [Fact]
    public void A_non_seekable_stream_larger_than_the_limit_is_refused()
    {
        var ex = Assert.Throws<InvalidPluginArchiveException>(
            () => PluginArchive.Inspect(new NonSeekableStream(ValidZip), new PluginArchiveLimits { MaxArchiveBytes = 100 }));

        Assert.Equal(InvalidPluginArchiveReason.LimitExceeded, ex.Reason);
    }

    [Fact]
    public void A_seekable_stream_is_read_from_its_start_and_left_open()
    {
        using var stream = new MemoryStream(ValidZip);
        stream.Position = 17;

        var info = PluginArchive.Inspect(stream);

        Assert.Equal("acme", info.Slug);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void An_unreadable_stream_is_an_argument_error()
    {
        using var stream = new MemoryStream();
        stream.Dispose();

        Assert.Throws<ArgumentException>(() => PluginArchive.Inspect(stream));
    }

    [Fact]
    public void Mutated_zips_only_ever_fail_with_InvalidPluginArchiveException()
    {
        var random = new Random(20240611);
        int refused = 0;
        for (int round = 0; round < 3000; round++)
        {
            var bytes = (byte[])ValidZip.Clone();
            int mutations = random.Next(1, 6);
            for (int m = 0; m < mutations; m++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            if (round % 10 == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }

            try
            {
                TestZip.Inspect(bytes);
            }
            catch (InvalidPluginArchiveException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"Round {round}: {ex.GetType()}: {ex.Message}\n{Convert.ToBase64String(bytes)}");
            }
        }

        Assert.True(refused > 100, $"only {refused} mutations were refused: the mutation is not reaching the parser");
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        int index = haystack.AsSpan().IndexOf(needle);
        Assert.True(index >= 0);
        return index;
    }
}
