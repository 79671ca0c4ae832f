using CostSync.Hosting;
using CostSync.Sync;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CostSync.Tests.Host.Hosting;

public sealed class RunProgressReporterTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger _logger = new();

    [Fact]
    public void Report_ForARun_OneRunProgressLinePerInterval()
    {
        using var sut = new RunProgressReporter("run-1", TimeSpan.FromSeconds(5), _time, _logger);

        sut.Report(Progress(1));
        _time.Advance(TimeSpan.FromSeconds(5));
        sut.Report(Progress(2));
        sut.Report(Progress(3));

        var line = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal("RunProgress", line.Id.Name);
        Assert.StartsWith("Run run-1 progress: 2/10 objects", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ForVerify_VerifyProgressLineWithoutARunId()
    {
        using var sut = new RunProgressReporter(null, TimeSpan.FromSeconds(5), _time, _logger);

        _time.Advance(TimeSpan.FromSeconds(6));
        sut.Report(Progress(4));

        var line = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal("VerifyProgress", line.Id.Name);
        Assert.StartsWith("Verify progress: 4/10 objects read back, 4.0 KiB of 10.0 KiB", line.Message, StringComparison.Ordinal);
    }

    private static SyncProgress Progress(int done) => new(done, 10, done * 1024L, 10 * 1024L, TimeSpan.FromSeconds(done));
}
