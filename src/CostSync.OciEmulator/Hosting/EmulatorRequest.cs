namespace CostSync.OciEmulator.Hosting;

/// <summary>What a handler needs about one request: the context, the route, the raw target and the buffered body.</summary>
internal sealed record EmulatorRequest(HttpContext Context, EmulatorRoute Route, string RawPath, string RawQuery, byte[] Body)
{
    public HttpRequest Request => Context.Request;

    public HttpResponse Response => Context.Response;

    public string Value(int index) => Route.Values[index];
}
