namespace CostSync.Tests.Support;

/// <summary>One request an <see cref="OtlpReceiver"/> received.</summary>
internal sealed record OtlpRequest(string Path, string? ContentType, byte[] Body)
{
    /// <summary>True when the protobuf body holds <paramref name="text"/> as a string field (strings are UTF-8 on the wire).</summary>
    public bool Carries(string text) => Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
