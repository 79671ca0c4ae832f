namespace CostSync.OciEmulator.Hosting;

/// <summary>Maps method + raw path to an operation. Works on the raw path so <c>%2F</c> in object names survives.</summary>
internal static class RouteClassifier
{
    private const string MetadataPrefix = "/opc/v2/";
    private const string SecretBundlesPrefix = "/20190301/secretbundles/";
    private const string TopicsPrefix = "/20181201/topics/";

    public static EmulatorRoute Classify(string method, string rawPath)
    {
        bool get = HttpMethods.IsGet(method);
        bool post = HttpMethods.IsPost(method);
        if (rawPath.StartsWith(MetadataPrefix, StringComparison.Ordinal))
        {
            return get ? new(Operations.Metadata, [rawPath[MetadataPrefix.Length..]]) : EmulatorRoute.Unknown;
        }

        if (rawPath == "/v1/x509")
        {
            return post ? new(Operations.Federation, []) : EmulatorRoute.Unknown;
        }

        if (rawPath is "/n" or "/n/")
        {
            return get ? new(Operations.GetNamespace, []) : EmulatorRoute.Unknown;
        }

        if (rawPath.StartsWith("/n/", StringComparison.Ordinal))
        {
            return ClassifyObjectStorage(method, rawPath[3..]);
        }

        if (rawPath.StartsWith(SecretBundlesPrefix, StringComparison.Ordinal))
        {
            string rest = rawPath[SecretBundlesPrefix.Length..];
            if (rest == "actions/getByName")
            {
                return post ? new(Operations.GetSecretBundleByName, []) : EmulatorRoute.Unknown;
            }

            return get && rest.Length > 0 && !rest.Contains('/', StringComparison.Ordinal)
                ? new(Operations.GetSecretBundle, [rest])
                : EmulatorRoute.Unknown;
        }

        if (rawPath == "/20180401/metrics")
        {
            return post ? new(Operations.PostMetricData, []) : EmulatorRoute.Unknown;
        }

        if (rawPath.StartsWith(TopicsPrefix, StringComparison.Ordinal) && rawPath.EndsWith("/messages", StringComparison.Ordinal))
        {
            string topic = rawPath[TopicsPrefix.Length..^"/messages".Length];
            return post && topic.Length > 0 && !topic.Contains('/', StringComparison.Ordinal)
                ? new(Operations.PublishMessage, [topic])
                : EmulatorRoute.Unknown;
        }

        return EmulatorRoute.Unknown;
    }

    private static EmulatorRoute ClassifyObjectStorage(string method, string rest)
    {
        // {ns}/b/{bucket}/o[/{name}]
        string[] parts = rest.Split('/', 5);
        if (parts.Length < 4 || parts[1] != "b" || parts[3] != "o" || parts[0].Length == 0 || parts[2].Length == 0)
        {
            return EmulatorRoute.Unknown;
        }

        string name = parts.Length == 5 ? parts[4] : string.Empty;
        if (name.Length == 0)
        {
            return HttpMethods.IsGet(method) ? new(Operations.ListObjects, [parts[0], parts[2]]) : EmulatorRoute.Unknown;
        }

        if (HttpMethods.IsGet(method))
        {
            return new(Operations.GetObject, [parts[0], parts[2], name]);
        }

        return HttpMethods.IsHead(method) ? new(Operations.HeadObject, [parts[0], parts[2], name]) : EmulatorRoute.Unknown;
    }
}
