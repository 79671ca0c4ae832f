using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.S3;
using CostSync.Tests.Support;
using Xunit;

namespace CostSync.Tests.Deploy;

/// <summary>
/// deploy/aws/iam-policy.json grants exactly the S3 calls the code makes: the calls are derived from <c>src/</c> (the AWS SDK
/// request types it builds and the <see cref="IAmazonS3"/> methods it calls) and mapped to their IAM actions.
/// </summary>
public sealed partial class AwsPolicyTests
{
    private const string Bucket = "arn:aws:s3:::BUCKET";
    private const string Objects = "arn:aws:s3:::BUCKET/PREFIX/*";

    /// <summary>Each S3 operation CostSync may call and the IAM actions it needs. An operation missing here fails the test.</summary>
    private static readonly Dictionary<string, string[]> ActionsByOperation = new()
    {
        ["ListObjectsV2"] = ["s3:ListBucket"],
        ["ListObjects"] = ["s3:ListBucket"],
        ["ListMultipartUploads"] = ["s3:ListBucketMultipartUploads"],
        ["ListParts"] = ["s3:ListMultipartUploadParts"],
        ["GetObjectMetadata"] = ["s3:GetObject"],
        ["GetObject"] = ["s3:GetObject"],
        ["PutObject"] = ["s3:PutObject"],
        ["InitiateMultipartUpload"] = ["s3:PutObject"],
        ["UploadPart"] = ["s3:PutObject"],
        ["CompleteMultipartUpload"] = ["s3:PutObject"],
        ["AbortMultipartUpload"] = ["s3:AbortMultipartUpload"],
        ["CopyObject"] = ["s3:GetObject", "s3:PutObject"],
        ["CopyPart"] = ["s3:GetObject", "s3:PutObject"],
        ["DeleteObject"] = ["s3:DeleteObject"],
        ["DeleteObjects"] = ["s3:DeleteObject"],
        ["GetLifecycleConfiguration"] = ["s3:GetLifecycleConfiguration"],
        ["GetBucketEncryption"] = ["s3:GetEncryptionConfiguration"],
        ["GetBucketVersioning"] = ["s3:GetBucketVersioning"],
        ["GetObjectLockConfiguration"] = ["s3:GetBucketObjectLockConfiguration"],
        ["PutObjectRetention"] = ["s3:PutObjectRetention"],
    };

    /// <summary>Only Mirror mode deletes; the default policy must not grant it.</summary>
    private static readonly HashSet<string> MirrorOnly = ["s3:DeleteObject"];

    /// <summary>Calls being added on another branch (checksums/KMS): granted now so the merged code works under the policy.</summary>
    private static readonly HashSet<string> Anticipated = ["s3:GetEncryptionConfiguration"];

    private static readonly HashSet<string> BucketActions = ["s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:GetLifecycleConfiguration", "s3:GetEncryptionConfiguration", "s3:GetBucketVersioning", "s3:GetBucketObjectLockConfiguration"];

    [Fact]
    public void Operations_DerivedFromTheCode_IncludeEveryKnownCall()
    {
        var operations = S3OperationsInCode();

        Assert.Superset(
            new HashSet<string> { "ListObjectsV2", "ListMultipartUploads", "GetObjectMetadata", "GetObject", "PutObject", "InitiateMultipartUpload", "UploadPart", "CompleteMultipartUpload", "AbortMultipartUpload", "DeleteObject", "GetLifecycleConfiguration" },
            operations);
    }

    [Fact]
    public void IamPolicy_GrantsExactlyTheCallsTheCodeMakes_WithoutDelete()
    {
        var needed = NeededActions();

        var granted = Granted("iam-policy.json");

        Assert.Superset(needed.Except(MirrorOnly).ToHashSet(), granted.Keys.ToHashSet());
        Assert.Subset(needed.Union(Anticipated).Except(MirrorOnly).ToHashSet(), granted.Keys.ToHashSet());
        Assert.DoesNotContain("s3:DeleteObject", granted.Keys);
        AssertScoped(granted);
    }

    [Fact]
    public void IamPolicyMirror_IsTheDefaultPlusDeleteObject()
    {
        var mirror = Granted("iam-policy-mirror.json");

        Assert.Equal(Granted("iam-policy.json").Keys.Append("s3:DeleteObject").Order(StringComparer.Ordinal), mirror.Keys.Order(StringComparer.Ordinal));
        Assert.Superset(NeededActions(), mirror.Keys.ToHashSet());
        AssertScoped(mirror);
    }

    [Fact]
    public void BucketPolicy_DeniesEveryRequestWithoutTls()
    {
        var statement = Assert.Single(Load("bucket-policy.json")["Statement"]!.AsArray())!;

        Assert.Equal("Deny", statement["Effect"]!.GetValue<string>());
        Assert.Equal("*", statement["Principal"]!.GetValue<string>());
        Assert.Equal("s3:*", statement["Action"]!.GetValue<string>());
        Assert.Equal([Bucket, "arn:aws:s3:::BUCKET/*"], statement["Resource"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("false", statement["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>());
    }

    [Fact]
    public void Lifecycle_AbortsIncompleteMultipartUploadsAfterSevenDays()
    {
        var rule = Assert.Single(Load("lifecycle.json")["Rules"]!.AsArray())!;

        Assert.Equal("Enabled", rule["Status"]!.GetValue<string>());
        Assert.Equal(string.Empty, rule["Filter"]!["Prefix"]!.GetValue<string>());
        Assert.Equal(7, rule["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]!.GetValue<int>());
    }

    private static HashSet<string> NeededActions()
    {
        var unmapped = S3OperationsInCode().Where(o => !ActionsByOperation.ContainsKey(o)).ToList();
        Assert.True(unmapped.Count == 0, $"The code calls S3 {string.Join(", ", unmapped)}: map each to its IAM actions in AwsPolicyTests.ActionsByOperation and grant them in deploy/aws/iam-policy.json.");
        return [.. S3OperationsInCode().SelectMany(o => ActionsByOperation[o])];
    }

    /// <summary>Every S3 operation <c>src/</c> calls, from files that use the AWS S3 SDK: <c>new XxxRequest</c> and <c>.XxxAsync(</c> on IAmazonS3's methods, and PutObjectRetention where a write sets a retain-until date.</summary>
    private static HashSet<string> S3OperationsInCode()
    {
        var sdk = typeof(IAmazonS3).Assembly;
        var methods = typeof(IAmazonS3).GetMethods().Select(m => m.Name).Where(n => n.EndsWith("Async", StringComparison.Ordinal)).ToHashSet();
        var operations = new HashSet<string>();
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var code = File.ReadAllText(file);
            if (!code.Contains("using Amazon.S3", StringComparison.Ordinal))
            {
                continue;
            }

            operations.UnionWith(RequestType().Matches(code).Select(m => m.Groups[1].Value).Where(name => sdk.GetType($"Amazon.S3.Model.{name}Request") is not null));
            operations.UnionWith(AsyncCall().Matches(code).Select(m => m.Groups[1].Value).Where(name => methods.Contains(name + "Async")));

            // A write that sets Object Lock retention (x-amz-object-lock-*) is authorized as s3:PutObjectRetention too.
            if (RetentionOnWrite().IsMatch(code))
            {
                operations.Add("PutObjectRetention");
            }
        }

        return operations;
    }

    /// <summary>Action → resource; every action is named (no wildcard) and sits on the bucket or on the prefix's objects.</summary>
    private static Dictionary<string, string> Granted(string file)
    {
        var granted = new Dictionary<string, string>();
        foreach (var statement in Load(file)["Statement"]!.AsArray())
        {
            Assert.Equal("Allow", statement!["Effect"]!.GetValue<string>());
            Assert.Null(statement["Condition"]);
            var resource = statement["Resource"]!.GetValue<string>();
            foreach (var action in statement["Action"]!.AsArray().Select(a => a!.GetValue<string>()))
            {
                Assert.DoesNotContain("*", action, StringComparison.Ordinal);
                granted.Add(action, resource);
            }
        }

        return granted;
    }

    private static void AssertScoped(Dictionary<string, string> granted)
    {
        foreach (var (action, resource) in granted)
        {
            Assert.Equal(BucketActions.Contains(action) ? Bucket : Objects, resource);
        }
    }

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(TofuStack.Deploy, "aws", file)))!.AsObject();

    [GeneratedRegex(@"\bnew\s+([A-Z]\w*)Request\b")]
    private static partial Regex RequestType();

    [GeneratedRegex(@"\.([A-Z]\w*)Async\(")]
    private static partial Regex AsyncCall();

    [GeneratedRegex(@"\.ObjectLockRetainUntilDate\s*=")]
    private static partial Regex RetentionOnWrite();
}
