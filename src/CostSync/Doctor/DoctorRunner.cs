using System.Net;
using System.Security.Cryptography;
using CostSync.Alerts;
using CostSync.Commands;
using CostSync.Configuration;
using CostSync.Credentials;
using CostSync.Logging;
using CostSync.Oci;
using CostSync.Oci.Auth;
using CostSync.Oci.ObjectStorage;
using CostSync.State;
using CostSync.Sync.Configuration;
using CostSync.Sync.Destinations;
using CostSync.Sync.Integrity;
using Microsoft.Extensions.Options;

namespace CostSync.Doctor;

/// <summary>Proves the whole path, one check at a time: principal, bling listing, Vault keys, destination write, lifecycle, encryption, checksums, Object Lock, alerts. Never prints a secret.</summary>
internal sealed class DoctorRunner(
    IOciAuthProvider auth,
    IOptions<OciOptions> oci,
    IObjectStorageClient objectStorage,
    SourceBucketResolver bucket,
    IOptions<SourceOptions> source,
    AwsCredentialsProvider credentials,
    IOptions<CredentialsOptions> credentialsOptions,
    IDestinationFactory destinations,
    IOptions<DestinationOptions> destination,
    AlertPublisher alerts,
    AlertMessageBuilder messages,
    StateStore state,
    IOptions<LoggingOptions> logging,
    LogFileLocation logFile,
    StartupNotes notes,
    TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<DoctorResult>> RunAsync(bool sendTestAlert, CancellationToken cancellationToken)
    {
        var results = new List<DoctorResult>
        {
            Configuration(),
            DirectoryChecks.State(state),
            DirectoryChecks.Log(logging.Value, logFile, notes),
        };
        results.AddRange(await OciAsync(cancellationToken));
        var (vault, keys) = await CredentialsAsync(cancellationToken);
        results.Add(vault);
        if (keys is not null)
        {
            results.Add(await WriteProbeAsync(keys, cancellationToken));
            results.Add(await LifecycleCheck.RunAsync(destination.Value, keys.Credentials, cancellationToken));
            results.Add(await EncryptionCheck.RunAsync(destination.Value, keys.Credentials, cancellationToken));
            results.Add(await ChecksumCheck.RunAsync(destination.Value, keys.Credentials, cancellationToken));
            results.Add(await ObjectLockCheck.RunAsync(destination.Value, keys.Credentials, timeProvider, cancellationToken));
        }

        results.Add(await AlertsAsync(sendTestAlert, cancellationToken));
        return results;
    }

    private DoctorResult Configuration() =>
        ConfigurationWarnings.Find(oci.Value) is { Count: > 0 } warnings
            ? new DoctorResult("configuration", DoctorStatus.Warn, $"valid, but: {string.Join(" ", warnings)}", "fix the setting named above")
            : new DoctorResult("configuration", DoctorStatus.Ok, "valid");

    private async Task<IReadOnlyList<DoctorResult>> OciAsync(CancellationToken cancellationToken)
    {
        string principal;
        try
        {
            var tenancy = await auth.GetTenancyIdAsync(cancellationToken);
            var region = await auth.GetRegionAsync(cancellationToken);
            principal = $"{auth.Description}, tenancy {tenancy}, region {region.Id}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [new DoctorResult("OCI principal", DoctorStatus.Fail, ex.Message, "check CostSync:Oci:Auth and, for API keys, the profile in CostSync:Oci:ConfigFile (`oci setup config`)")];
        }

        try
        {
            var request = new ListObjectsRequest(source.Value.Namespace, await bucket.ResolveAsync(cancellationToken)) { Limit = 1 };
            await using var objects = objectStorage.ListObjectsAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var first = await objects.MoveNextAsync() ? objects.Current : null;
            return
            [
                new DoctorResult("OCI principal", DoctorStatus.Ok, $"{principal}; it is the home region (the bling bucket answers there)"),
                first is null
                    ? new DoctorResult("bling list", DoctorStatus.Warn, $"oci://{request.NamespaceName}/{request.BucketName} is empty", "OCI publishes the first reports within a day of enabling cost reports; check again later")
                    : new DoctorResult("bling list", DoctorStatus.Ok, $"oci://{request.NamespaceName}/{request.BucketName} lists, e.g. `{first.Name}`"),
            ];
        }
        catch (OciServiceException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return
            [
                new DoctorResult("OCI principal", DoctorStatus.Warn, $"{principal}; cannot verify it is the home region (bling answered 404)", "set CostSync:Oci:Region to the tenancy's home region"),
                new DoctorResult("bling list", DoctorStatus.Fail, ex.Message, "use the home region, and add `define tenancy usage-report as ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq` + `endorse … to read objects in tenancy usage-report`"),
            ];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return
            [
                new DoctorResult("OCI principal", DoctorStatus.Ok, principal),
                new DoctorResult("bling list", DoctorStatus.Fail, ex.Message, "check the network path to Object Storage and CostSync:Oci:Endpoints"),
            ];
        }
    }

    private async Task<(DoctorResult Result, RunCredentials? Keys)> CredentialsAsync(CancellationToken cancellationToken)
    {
        const string Name = "AWS credentials";
        var sourceKind = credentialsOptions.Value.Source;
        if (destination.Value.Kind == DestinationKind.Directory)
        {
            return (new DoctorResult(Name, DoctorStatus.Ok, "not needed for a Directory destination"), new RunCredentials(null, null));
        }

        try
        {
            var keys = await credentials.GetAsync(cancellationToken);
            var detail = keys.Keys is { } k
                ? $"Vault secrets readable and well-formed (access key id {k.AccessKeyId.Length} characters, secret key {k.SecretAccessKey.Length} characters{(k.SessionToken is null ? string.Empty : ", session token")})"
                : $"from {sourceKind}";
            return (new DoctorResult(Name, DoctorStatus.Ok, detail), keys);
        }
        catch (CredentialsException ex) when (ex.KeysNotSet)
        {
            return (new DoctorResult(Name, DoctorStatus.Fail, ex.Message, "set both AWS keys in Vault with the `oci vault secret update-base64` commands from `tofu output set_aws_keys`"), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (new DoctorResult(Name, DoctorStatus.Fail, ex.Message, "fix the secret in OCI Vault or CostSync:Destination:Credentials"), null);
        }
    }

    /// <summary>
    /// Proves the key may write under the prefix without leaving anything behind and without <c>s3:DeleteObject</c> (which the
    /// append-only IAM policy in deploy/aws does not grant): one part of a multipart upload, then the upload is aborted.
    /// </summary>
    private async Task<DoctorResult> WriteProbeAsync(RunCredentials keys, CancellationToken cancellationToken)
    {
        const string Name = "destination write";
        var prefix = destination.Value.Prefix?.Trim('/');
        var key = $"{(string.IsNullOrEmpty(prefix) ? string.Empty : prefix + "/")}.costsync/doctor-probe-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        var content = "CostSync doctor write probe; never completed.\n"u8.ToArray();
        try
        {
            await using var target = destinations.Create(keys.Credentials);
            var upload = await target.BeginMultipartUploadAsync(key, new Dictionary<string, string>(), WriteKind.Probe, cancellationToken);
            try
            {
                // Both digests: an upload begun for CRC-32C checksums (Destination:Checksum = Crc32c) expects one on every part.
                await upload.UploadPartAsync(1, 0, content, new ContentDigests(Convert.ToBase64String(Md5Digests.Hash(content)), Crc32CDigests.ToBase64(Crc32CDigests.Hash(content))), cancellationToken);
            }
            finally
            {
                await upload.AbortAsync(CancellationToken.None);
            }

            return new DoctorResult(Name, DoctorStatus.Ok, $"uploaded a part to {target.Description}/{key} and aborted the upload (nothing stored)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new DoctorResult(Name, DoctorStatus.Fail, DestinationFailures.Describe(ex, destination.Value), "check the bucket name, region, endpoint and that the key may s3:PutObject and s3:AbortMultipartUpload under the prefix (deploy/aws/iam-policy.json)");
        }
    }

    private async Task<DoctorResult> AlertsAsync(bool sendTestAlert, CancellationToken cancellationToken)
    {
        const string Name = "alerts (ONS)";
        if (!alerts.IsConfigured)
        {
            return new DoctorResult(Name, DoctorStatus.Warn, "CostSync:Alerts:TopicId is not set; failures are only logged", "create an ONS topic with an e-mail subscription and set its OCID");
        }

        if (!sendTestAlert)
        {
            return new DoctorResult(Name, DoctorStatus.Warn, $"topic {alerts.TopicId} is configured but not verified", "run `doctor --send-test-alert` to publish a test message");
        }

        return await alerts.PublishAsync(messages.Test(timeProvider.GetUtcNow()), cancellationToken)
            ? new DoctorResult(Name, DoctorStatus.Ok, $"test message published to {alerts.TopicId}")
            : new DoctorResult(Name, DoctorStatus.Fail, $"could not publish to {alerts.TopicId} (see the log line above)", "check the topic OCID, its region (CostSync:Oci:Endpoints:Notifications) and a `use ons-topics` policy");
    }
}
