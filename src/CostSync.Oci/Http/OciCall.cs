using CostSync.Oci.Endpoints;

namespace CostSync.Oci.Http;

/// <summary>What an error message needs to know about the call that failed (never headers or secrets).</summary>
/// <param name="Operation">The SDK-style operation name, e.g. <c>ListObjects</c>.</param>
/// <param name="Principal">The principal's description, e.g. <c>API key profile DEFAULT</c>.</param>
/// <param name="NamespaceName">The Object Storage namespace, when the call has one.</param>
internal sealed record OciCall(string Operation, string Principal, string? NamespaceName = null)
{
    /// <summary>Where the call went and why (override key or region), so "no answer" names the service and what to check.</summary>
    public OciEndpoint? Endpoint { get; init; }

    /// <summary>The bucket of an Object Storage call.</summary>
    public string? BucketName { get; init; }

    /// <summary>The principal's tenancy OCID, when known (the bling bucket is named after it).</summary>
    public string? TenancyId { get; init; }
}
