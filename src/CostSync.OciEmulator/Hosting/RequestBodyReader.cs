namespace CostSync.OciEmulator.Hosting;

/// <summary>Buffers a request body (needed to check <c>x-content-sha256</c>), refusing bodies over a limit.</summary>
internal static class RequestBodyReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <returns>The body, or <see langword="null"/> when it exceeds <see cref="MaxBodyBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
