namespace CostSync.Oci.Api;

/// <summary>Wire shape of the federation request (<c>POST /v1/x509</c>).</summary>
internal sealed record X509FederationRequestDto(
    string Certificate,
    IReadOnlyList<string> IntermediateCertificates,
    string PublicKey,
    string? FingerprintAlgorithm);
