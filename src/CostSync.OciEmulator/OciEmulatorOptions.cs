using CostSync.OciEmulator.Tree;

namespace CostSync.OciEmulator;

/// <summary>How an <see cref="OciEmulatorServer"/> is started.</summary>
internal sealed class OciEmulatorOptions
{
    /// <summary>Listen address. <value>Default <c>http://127.0.0.1:0</c> (a free port).</value></summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>Region identifier served by IMDS and written to config files. <value>Default <c>us-ashburn-1</c>.</value></summary>
    public string Region { get; init; } = "us-ashburn-1";

    /// <summary>Clock for signatures, tokens and generated object times. <value>Default <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Lifetime of federation and session tokens. <value>Default 1 hour.</value></summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The generated bling tree. <value>Default <see cref="BlingTreeOptions.Default"/>; <see cref="BlingTreeOptions.None"/> for an empty bucket.</value></summary>
    public BlingTreeOptions Tree { get; init; } = BlingTreeOptions.Default;

    /// <summary>Largest accepted difference between a request's date and the emulator clock. <value>Default 5 minutes.</value></summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Namespace returned by GetNamespace (the caller tenancy's own namespace, not bling). <value>Default <c>costsynctest</c>.</value></summary>
    public string NamespaceName { get; init; } = "costsynctest";

    /// <summary>Whether Kestrel and the emulator log to the console. <value>Default <see langword="false"/>.</value></summary>
    public bool Logging { get; init; }
}
