using System.Text.Json.Serialization;
using CostSync.Oci;
using CostSync.Oci.Redaction;

namespace CostSync.Credentials;

/// <summary>AWS keys read from Vault for one run; every part prints as <c>***</c>, and the pair logs and serializes as <c>***</c>.</summary>
[JsonConverter(typeof(RedactedJsonConverter<AwsKeyPair>))]
internal sealed record AwsKeyPair(SecretValue AccessKeyId, SecretValue SecretAccessKey, SecretValue? SessionToken) : IRedacted;
