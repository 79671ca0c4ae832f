using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Deploy;

/// <summary><c>deploy/package.sh</c>: both self-contained tarballs, checksums that verify, a binary that answers <c>--version</c>.</summary>
public sealed class PackageScriptTests : IDisposable
{
    private const string Version = "0.0.0-test.1";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Package_Version_BuildsBothTarballsWithChecksumsAndAStampedBinary()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = Path.Combine(_directory.Path, "out");
        var head = (await ExternalTool.RunAsync("git", ["rev-parse", "HEAD"], ct)).Output.Trim();

        var result = await ExternalTool.RunAsync("bash", ["deploy/package.sh", Version, output], ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var rid in (string[])["linux-x64", "linux-arm64"])
        {
            var tarball = Path.Combine(output, $"costsync-{Version}-{rid}.tar.gz");
            var checksum = (await File.ReadAllTextAsync(tarball + ".sha256", ct)).Split(' ', 2);
            await using (var stream = File.OpenRead(tarball))
            {
                Assert.Equal(Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)), checksum[0]);
            }

            Assert.Equal($" costsync-{Version}-{rid}.tar.gz", checksum[1].TrimEnd('\n'));
            var extracted = Path.Combine(_directory.Path, rid);
            await ExtractAsync(tarball, extracted, ct);
            // the deployed daemon carries neither the emulator nor ASP.NET Core
            Assert.Empty(Directory.EnumerateFiles(extracted, "CostSync.OciEmulator*"));
            Assert.Empty(Directory.EnumerateFiles(extracted, "Microsoft.AspNetCore*"));
            Assert.DoesNotContain("Microsoft.AspNetCore", await File.ReadAllTextAsync(Path.Combine(extracted, "CostSync.deps.json"), ct), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(extracted, "appsettings.json")));
            Assert.True(File.Exists(Path.Combine(extracted, "libcoreclr.so")), "not self-contained: no runtime in the tarball");
            Assert.Equal(rid == "linux-x64" ? (ushort)0x3E : (ushort)0xB7, ElfMachine(Path.Combine(extracted, "CostSync")));
        }

        var check = await ExternalTool.RunAsync("sha256sum", ["-c", $"costsync-{Version}-linux-x64.tar.gz.sha256", $"costsync-{Version}-linux-arm64.tar.gz.sha256"], ct, workingDirectory: output);
        Assert.True(check.ExitCode == 0, check.ToString());
        var version = await ExternalTool.RunAsync(Path.Combine(_directory.Path, "linux-x64", "CostSync"), ["--version"], ct);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches($@"^CostSync {System.Text.RegularExpressions.Regex.Escape(Version)} \(commit {head}(-dirty)?\)$", version.Output.Trim());
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("latest")]
    [InlineData("1.4.0;rm")]
    public async Task Package_NotAVersion_ExitsTwoBeforeBuilding(string version)
    {
        var result = await ExternalTool.RunAsync("bash", ["deploy/package.sh", version, _directory.Path], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a version like 1.4.0", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory.Path));
    }

    private static async Task ExtractAsync(string tarball, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(gzip, directory, overwriteFiles: false, cancellationToken);
    }

    /// <summary>e_machine of an ELF executable: 0x3E x86-64, 0xB7 AArch64.</summary>
    private static ushort ElfMachine(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using var file = File.OpenRead(path);
        file.ReadExactly(header);
        Assert.True(header[..4].SequenceEqual("\u007fELF"u8), $"{path} is not an ELF executable");
        return BitConverter.ToUInt16(header[18..20]);
    }
}
