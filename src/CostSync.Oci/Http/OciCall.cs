namespace CostSync.Oci.Http;

/// <summary>What an error message needs to know about the call that failed (never headers or secrets).</summary>
/// <param name="Operation">The SDK-style operation name, e.g. <c>ListObjects</c>.</param>
/// <param name="Principal">The principal's description, e.g. <c>API key profile DEFAULT</c>.</param>
/// <param name="NamespaceName">The Object Storage namespace, when the call has one.</param>
internal sealed record OciCall(string Operation, string Principal, string? NamespaceName = null);
