namespace CostSync.Oci.Signing;

/// <summary>Everything an OCI request signature depends on besides the key.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The request target exactly as sent (already percent-encoded).</param>
/// <param name="Host">The <c>Host</c> header exactly as sent.</param>
/// <param name="Date">The <c>Date</c> header exactly as sent.</param>
/// <param name="Body">The body facts for POST/PUT/PATCH; <see langword="null"/> otherwise.</param>
internal readonly record struct SigningInput(HttpMethod Method, string PathAndQuery, string Host, string Date, SignedBody? Body);
