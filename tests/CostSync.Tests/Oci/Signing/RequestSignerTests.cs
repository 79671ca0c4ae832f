using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CostSync.Oci.Auth;
using CostSync.Oci.Signing;
using Xunit;

namespace CostSync.Tests.Oci.Signing;

public sealed class RequestSignerTests
{
    private static readonly string VectorsDirectory = Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement vector in LoadVectors().GetProperty("vectors").EnumerateArray())
        {
            names.Add(vector.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void CreateAuthorization_ReferenceVector_IsByteIdentical(string name)
    {
        JsonElement vector = FindVector(name);
        using RSA key = LoadTestKey();
        var uri = new Uri(vector.GetProperty("uri").GetString()!, UriKind.Absolute);
        string? body = vector.GetProperty("body").GetString();
        SigningInput input = new(
            new HttpMethod(vector.GetProperty("method").GetString()!),
            uri.PathAndQuery,
            RequestSigner.HostOf(uri),
            vector.GetProperty("date").GetString()!,
            body is null ? null : SignedBody.For(Encoding.UTF8.GetBytes(body), "application/json"));

        string authorization = RequestSigner.CreateAuthorization(input, new OciSigningKey(LoadVectors().GetProperty("keyId").GetString()!, key));

        Assert.Equal(vector.GetProperty("signingString").GetString(), RequestSigner.BuildSigningString(input));
        Assert.Equal(vector.GetProperty("authorization").GetString(), authorization);
    }

    [Fact]
    public void KeyFingerprint_TestKey_MatchesTheSdkFingerprint()
    {
        using RSA key = LoadTestKey();

        Assert.Equal(LoadVectors().GetProperty("fingerprint").GetString(), KeyFingerprint.Of(key));
    }

    [Fact]
    public void SignedBody_EmptyBody_HasTheDocumentedDigest()
    {
        Assert.Equal(RequestSigner.EmptyBodySha256, SignedBody.For([], "application/json").Sha256);
    }

    [Theory]
    // default ports are not part of the Host header; any other port is
    [InlineData("https://objectstorage.us-ashburn-1.oraclecloud.com/n/", "objectstorage.us-ashburn-1.oraclecloud.com")]
    [InlineData("https://objectstorage.us-ashburn-1.oraclecloud.com:443/n/", "objectstorage.us-ashburn-1.oraclecloud.com")]
    [InlineData("http://127.0.0.1:41234/n/", "127.0.0.1:41234")]
    [InlineData("http://localhost:80/n/", "localhost")]
    [InlineData("https://localhost:8443/n/", "localhost:8443")]
    public void HostOf_Port_OnlyNonDefaultPortIsIncluded(string uri, string expected)
    {
        Assert.Equal(expected, RequestSigner.HostOf(new Uri(uri)));
    }

    [Theory]
    // body headers are signed for POST, PUT and PATCH only
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    [InlineData("DELETE", false)]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("PATCH", true)]
    public void CoversBody_Method_MatchesTheSdks(string method, bool expected)
    {
        Assert.Equal(expected, RequestSigner.CoversBody(new HttpMethod(method)));
    }

    [Fact]
    public void Sign_PutWithBody_CoversContentLengthTypeAndSha256()
    {
        using RSA key = RSA.Create(2048);
        SigningInput input = new(HttpMethod.Put, "/x", "h", "Thu, 05 Jan 2014 21:31:40 GMT", SignedBody.For("{}"u8, "application/json"));

        string authorization = RequestSigner.CreateAuthorization(input, new OciSigningKey("k", key));

        Assert.Contains("headers=\"date (request-target) host content-length content-type x-content-sha256\"", authorization, StringComparison.Ordinal);
        Assert.EndsWith("content-length: 2\ncontent-type: application/json\nx-content-sha256: RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=", RequestSigner.BuildSigningString(input), StringComparison.Ordinal);
    }

    private static JsonElement FindVector(string name) =>
        LoadVectors().GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    private static JsonElement LoadVectors() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorsDirectory, "oci-sign-vectors.json"))).RootElement;

    private static RSA LoadTestKey()
    {
        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(VectorsDirectory, "test-only-oci-api-key.pem")));
        return key;
    }
}
