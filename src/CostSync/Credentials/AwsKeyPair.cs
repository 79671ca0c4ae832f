using CostSync.Oci;

namespace CostSync.Credentials;

/// <summary>AWS keys read from Vault for one run; every part prints as <c>***</c>.</summary>
internal sealed record AwsKeyPair(SecretValue AccessKeyId, SecretValue SecretAccessKey, SecretValue? SessionToken);
