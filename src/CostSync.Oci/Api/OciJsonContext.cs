using System.Text.Json.Serialization;

namespace CostSync.Oci.Api;

/// <summary>Source-generated JSON for every OCI wire shape (camelCase, nulls omitted when writing).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListObjectsResponseDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(SecretBundleDto))]
[JsonSerializable(typeof(MessageDetailsDto))]
[JsonSerializable(typeof(PublishResultDto))]
[JsonSerializable(typeof(PostMetricDataDetailsDto))]
[JsonSerializable(typeof(PostMetricDataResponseDto))]
[JsonSerializable(typeof(X509FederationRequestDto))]
[JsonSerializable(typeof(SecurityTokenDto))]
[JsonSerializable(typeof(RegionInfoDto))]
[JsonSerializable(typeof(JwtPayloadDto))]
[JsonSerializable(typeof(string))]
internal sealed partial class OciJsonContext : JsonSerializerContext;
