using System.Text;
using System.Text.Json;
using CostSync.Oci.Notifications;
using Xunit;

namespace CostSync.Tests.Oci.Notifications;

public sealed class MessageFitterTests
{
    [Fact]
    public void Fit_SmallMessage_IsSentUnchanged()
    {
        byte[] json = MessageFitter.Fit("title", "body ü");

        Assert.Equal("""{"title":"title","body":"body \u00FC"}""", Encoding.UTF8.GetString(json));
    }

    [Theory]
    // ASCII, multi-byte characters, characters JSON escapes, and surrogate pairs
    [InlineData("a", 100_000)]
    [InlineData("ü", 70_000)]
    [InlineData("\"", 40_000)]
    [InlineData("😀", 30_000)]
    public void Fit_OversizedBody_TruncatesWithMarkerWithin64KB(string unit, int repeat)
    {
        string body = string.Concat(Enumerable.Repeat(unit, repeat));

        byte[] json = MessageFitter.Fit("CostSync failed", body);

        Assert.InRange(json.Length, MessageFitter.MaxRequestBytes - 64, MessageFitter.MaxRequestBytes);
        using JsonDocument document = JsonDocument.Parse(json);
        string sent = document.RootElement.GetProperty("body").GetString()!;
        Assert.EndsWith(MessageFitter.TruncationMarker, sent, StringComparison.Ordinal);
        Assert.StartsWith(sent[..^MessageFitter.TruncationMarker.Length], body, StringComparison.Ordinal);
        Assert.Equal("CostSync failed", document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Fit_NoTitle_OmitsIt()
    {
        Assert.Equal("""{"body":"b"}""", Encoding.UTF8.GetString(MessageFitter.Fit(null, "b")));
    }
}
