namespace CostSync.OciEmulator.Signing;

/// <summary>The headers OCI requires in a signature's header list, per method.</summary>
internal static class RequiredHeaders
{
    private static readonly string[] BodyHeaders = ["content-length", "content-type", "x-content-sha256"];

    /// <returns>The first required header not in <paramref name="names"/>, or <see langword="null"/>.</returns>
    public static string? FindMissing(string method, string operation, IReadOnlyList<string> names)
    {
        if (!names.Contains("(request-target)"))
        {
            return "(request-target)";
        }

        // The Go and Python SDKs sign federation calls without host; the auth service accepts that.
        if (operation != Operations.Federation && !names.Contains("host"))
        {
            return "host";
        }

        if (!names.Contains("date") && !names.Contains("x-date"))
        {
            return "date";
        }

        if (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
        {
            return BodyHeaders.FirstOrDefault(h => !names.Contains(h));
        }

        return null;
    }
}
