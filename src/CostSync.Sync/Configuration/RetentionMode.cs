namespace CostSync.Sync.Configuration;

/// <summary>S3 Object Lock retention modes (<c>x-amz-object-lock-mode</c>).</summary>
public enum RetentionMode
{
    /// <summary>Nobody can delete or overwrite a version before its retain-until date, except users allowed <c>s3:BypassGovernanceRetention</c>.</summary>
    Governance,

    /// <summary>Nobody, not even the account's root user, can delete or overwrite a version or shorten its retention before its retain-until date.</summary>
    Compliance,
}
