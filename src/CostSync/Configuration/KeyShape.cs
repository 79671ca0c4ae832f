namespace CostSync.Configuration;

/// <summary>What a configuration key holds.</summary>
internal enum KeyShape
{
    /// <summary>One value (string, number, flag, duration, URL, enum).</summary>
    Value,

    /// <summary>Named settings, one per property of an options class.</summary>
    Object,

    /// <summary>Items under numeric keys: <c>Include:0</c>, <c>Include:1</c>, …</summary>
    List,

    /// <summary>Items under any name.</summary>
    Dictionary,
}
