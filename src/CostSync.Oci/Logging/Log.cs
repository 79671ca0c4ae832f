using Microsoft.Extensions.Logging;

namespace CostSync.Oci.Logging;

/// <summary>The OCI client's log events. None of them carries a key id with a token, a signature or an Authorization header.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Obtained a security token for {Principal}, valid until {ExpiresAt:u}")]
    public static partial void TokenRefreshed(ILogger logger, string principal, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "OCI answered 401 to {Principal} at {Host}; refreshing credentials and retrying once")]
    public static partial void RefreshingAfterUnauthorized(ILogger logger, string principal, string? host);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Service} at {Host} failed ({Outcome}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string service, string host, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The fingerprint {Configured} in {File} [{Profile}] does not match key_file {KeyFile} (its fingerprint is {Actual}); OCI will reject the signature unless the key registered for the user is this one")]
    public static partial void FingerprintMismatch(ILogger logger, string file, string profile, string keyFile, string configured, string actual);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Federation rejected the SHA-256 certificate key id; retrying with the SHA-1 form")]
    public static partial void FederationSha1Fallback(ILogger logger);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Re-read the session token file {File}")]
    public static partial void SessionTokenReloaded(ILogger logger, string file);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Keeping the current security token of {Principal} (valid until {ExpiresAt:u}): the early refresh failed ({Reason}); next attempt at {NextAttempt:u}")]
    public static partial void EarlyRefreshFailed(ILogger logger, string principal, DateTimeOffset expiresAt, string reason, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "This machine's clock is {Skew} OCI's ({Host} answered with Date {ServiceDate:r}). OCI refuses requests signed more than 5 minutes off, so OCI calls fail with 401 until the clock is fixed (CostSync does not refresh tokens over it). Enable time synchronisation: `timedatectl set-ntp true` (systemd-timesyncd or chrony)")]
    public static partial void ClockSkew(ILogger logger, string skew, string host, DateTimeOffset serviceDate);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "{Service} attempt {Attempt} failed")]
    public static partial void AttemptFailureDetail(ILogger logger, string service, int attempt, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "The federation service refused the instance certificate of {Principal}; reading the instance identity again (the certificate may have rotated while it was read)")]
    public static partial void FederationRefusedRereadingIdentity(ILogger logger, string principal);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "The private key file {KeyFile} ({Source}) can be read or written by other users (mode {Mode}): whoever reads it can sign as this OCI principal. Restrict it to the user CostSync runs as: chmod 600 {KeyFile}")]
    public static partial void KeyFileTooOpen(ILogger logger, string keyFile, string source, string mode);
}
