namespace CostSync.Bench.Swift;

/// <summary>Names an S3 request (path style: <c>/bucket/key?query</c>) by what it does; keys under <c>.costsync/</c> are CostSync's own files.</summary>
internal static class S3RequestKinds
{
    public static string Classify(string method, string target)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? target : target[..question]);
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        var slash = path.IndexOf('/', 1);
        var key = slash < 0 ? string.Empty : path[(slash + 1)..];
        if (key.Length == 0)
        {
            if (method != "GET")
            {
                return $"bucket-{method.ToLowerInvariant()}";
            }

            return query.Contains("uploads", StringComparison.Ordinal) ? "list-uploads"
                : query.Contains("versioning", StringComparison.Ordinal) ? "bucket-versioning"
                : "list";
        }

        var own = key.Contains(".costsync/", StringComparison.Ordinal) ? "ledger-" : string.Empty;
        var kind = method switch
        {
            "GET" => "get-object",
            "HEAD" => "head-object",
            "PUT" when query.Contains("partNumber=", StringComparison.Ordinal) => "upload-part",
            "PUT" => "put-object",
            "POST" when query.Contains("uploads", StringComparison.Ordinal) && !query.Contains("uploadId", StringComparison.Ordinal) => "create-upload",
            "POST" => "complete-upload",
            "DELETE" when query.Contains("uploadId", StringComparison.Ordinal) => "abort-upload",
            "DELETE" => "delete-object",
            _ => method.ToLowerInvariant(),
        };
        return own + kind;
    }
}
