using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CostSync.Oci.Api;
using Polly.CircuitBreaker;

namespace CostSync.Oci.Http;

/// <summary>Turns an OCI error answer or a transport failure into an <see cref="OciServiceException"/> whose message says what to do.</summary>
internal static class OciErrors
{
    /// <summary>The oc1 tenancy that publishes cost and usage reports (the <c>usage-report</c> alias in the endorse policy).</summary>
    public const string UsageReportTenancy = "ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq";

    private const int MaxErrorBodyBytes = 16 * 1024;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Why namespace <c>bling</c> answers 404, one sentence per real cause.</summary>
    public static readonly string BlingExplanation =
        "Cost reports in namespace 'bling' answer 404 for two reasons: "
        + "(1) this is not the tenancy's home region: reports can only be read there, so set CostSync:Oci:Region to the home region or run CostSync in it; "
        + "(2) the cross-tenancy policy is missing: add to a policy in the root compartment "
        + $"'define tenancy usage-report as {UsageReportTenancy}' and "
        + "'endorse dynamic-group <group> to read objects in tenancy usage-report' (or 'endorse group <group> …' for an API-key user).";

    /// <summary>Reads the error body (if any) of a failed answer and builds the exception. Does not dispose <paramref name="response"/>.</summary>
    public static async Task<OciServiceException> FromResponseAsync(HttpResponseMessage response, OciCall call, TimeProvider time, CancellationToken cancellationToken)
    {
        ErrorDto? error = await ReadErrorAsync(response, cancellationToken);
        string? requestId = HeaderValue(response, "opc-request-id");
        string? code = error?.Code;
        var message = new StringBuilder()
            .Append(call.Operation).Append(" failed: HTTP ").Append((int)response.StatusCode)
            .Append(code is null ? "" : " " + code);
        if (!string.IsNullOrWhiteSpace(error?.Message))
        {
            message.Append(": ").Append(error.Message.TrimEnd('.')).Append('.');
        }
        else
        {
            message.Append('.');
        }

        if (IsBlingNotFound(response.StatusCode, code, call))
        {
            message.Append(' ').Append(BlingExplanation);
            if (call.BucketName is { } bucket && call.TenancyId is { } tenancy && !string.Equals(bucket, tenancy, StringComparison.Ordinal))
            {
                message.Append(" (3) The bucket `").Append(bucket).Append("` is not this principal's tenancy OCID (`").Append(tenancy)
                    .Append("`): bling keeps a tenancy's reports in the bucket named after the tenancy OCID, so leave CostSync:Source:Bucket empty (or set it to that OCID) unless you read another tenancy's reports on purpose.");
            }
        }
        else if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            message.Append(' ').Append(ExplainUnauthorized(response, call, time));
        }

        if (requestId is not null)
        {
            message.Append(" (opc-request-id ").Append(requestId).Append(')');
        }

        return new OciServiceException(response.StatusCode, code, message.ToString(), requestId)
        {
            ClockSkew = response.StatusCode == HttpStatusCode.Unauthorized && IsClockOff(response, time),
        };
    }

    /// <summary>Wraps a failure to get any answer (after retries) from <paramref name="uri"/>, naming the OCI service and what to check.</summary>
    public static OciServiceException FromTransport(Exception exception, OciCall call, Uri? uri)
    {
        string host = uri is null ? "the service" : uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        string hint = call.Endpoint?.UnreachableHint() ?? "Check network access to the endpoint and the CostSync:Oci:Endpoints settings.";
        string service = call.Endpoint?.ServiceName ?? "OCI";
        if (exception is BrokenCircuitException)
        {
            // The service did answer, badly: most recent calls failed (5xx, 429, resets), so calls are paused for a few seconds.
            return new(0, null, $"{call.Operation} failed: {service} at {host} failed at least half of the recent calls (throttling, server errors or dropped connections), so CostSync paused calls to it for a few seconds. The next run tries again; if it persists, check the OCI service health for the region.", null, exception);
        }

        return new(0, null, $"{call.Operation} failed: {service} at {host} did not answer ({exception.Message.TrimEnd('.')}). {hint}", null, exception);
    }

    private static bool IsBlingNotFound(HttpStatusCode status, string? code, OciCall call) =>
        status == HttpStatusCode.NotFound
        && string.Equals(call.NamespaceName, "bling", StringComparison.Ordinal)
        && (code is "BucketNotFound" or "NamespaceNotFound" || (code == "NotAuthorizedOrNotFound" && call.Operation == "ListObjects"));

    private static bool IsClockOff(HttpResponseMessage response, TimeProvider time) =>
        response.Headers.Date is { } serviceDate && (time.GetUtcNow() - serviceDate).Duration() > MaxClockSkew;

    private static string ExplainUnauthorized(HttpResponseMessage response, OciCall call, TimeProvider time)
    {
        var text = new StringBuilder()
            .Append("OCI did not accept the request signed as ").Append(call.Principal).Append(". Likely causes: ")
            .Append("the private key does not belong to the configured fingerprint (or the user/tenancy OCID is wrong), ")
            .Append("an expired or revoked session token, or this machine's clock being off.");
        if (response.Headers.Date is { } serviceDate)
        {
            TimeSpan skew = time.GetUtcNow() - serviceDate;
            if (skew.Duration() > MaxClockSkew)
            {
                text.Append(CultureInfo.InvariantCulture, $" The local clock is {Math.Round(skew.Duration().TotalMinutes)} minutes {(skew > TimeSpan.Zero ? "ahead of" : "behind")} the service's (service Date: {serviceDate:r}); fix time synchronisation (NTP).");
            }
            else
            {
                text.Append(" The local clock agrees with the service's within 5 minutes, so clock skew is not the cause.");
            }
        }

        return text.ToString();
    }

    private static async Task<ErrorDto?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            byte[] buffer = new byte[MaxErrorBodyBytes];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            return total == 0 ? null : JsonSerializer.Deserialize(buffer.AsSpan(0, total), OciJsonContext.Default.ErrorDto);
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            // An error answer without an OCI JSON body (HEAD, a proxy's HTML page): the status says enough.
            return null;
        }
    }

    /// <summary>A response or content header as sent, without .NET's header parsing.</summary>
    public static string? HeaderValue(HttpResponseMessage response, string name)
    {
        if (response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values)
            || response.Content.Headers.NonValidated.TryGetValues(name, out values))
        {
            return values.ToString();
        }

        return null;
    }
}
