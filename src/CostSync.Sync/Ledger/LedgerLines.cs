using System.Text;
using System.Text.Json;
using CostSync.Sync.Logging;
using Microsoft.Extensions.Logging;

namespace CostSync.Sync.Ledger;

/// <summary>The JSON-lines form shared by segments, snapshots and the legacy ledger: one UTF-8 JSON object per <c>\n</c>-terminated line.</summary>
internal static class LedgerLines
{
    public static byte[] Write(IEnumerable<LedgerEntry> entries, LedgerSnapshotHeader? header = null)
    {
        var text = new StringBuilder();
        if (header is not null)
        {
            text.Append(JsonSerializer.Serialize(new LedgerSnapshotLine(header), LedgerJsonContext.Default.LedgerSnapshotLine)).Append('\n');
        }

        foreach (var entry in entries)
        {
            text.Append(JsonSerializer.Serialize(entry, LedgerJsonContext.Default.LedgerEntry)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The non-empty lines of <paramref name="content"/> with their 1-based numbers.</summary>
    public static IEnumerable<(int Number, string Text)> Split(byte[] content)
    {
        var number = 0;
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n'))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>The entries of <paramref name="lines"/>; a line that is not an entry is logged with its object and number and skipped.</summary>
    public static List<LedgerEntry> Entries(IEnumerable<(int Number, string Text)> lines, string key, ILogger logger)
    {
        var entries = new List<LedgerEntry>();
        foreach (var (number, text) in lines)
        {
            try
            {
                if (JsonSerializer.Deserialize(text, LedgerJsonContext.Default.LedgerEntry) is { Key: not null, Name: not null, RunId: not null } entry)
                {
                    entries.Add(entry);
                    continue;
                }
            }
            catch (JsonException)
            {
                // reported below
            }

            Log.LedgerLineUnreadable(logger, key, number);
        }

        return entries;
    }

    /// <summary>The header of a snapshot, or <see langword="null"/> when the first line is not one.</summary>
    public static LedgerSnapshotHeader? Header(string firstLine)
    {
        try
        {
            return JsonSerializer.Deserialize(firstLine, LedgerJsonContext.Default.LedgerSnapshotLine)?.Snapshot is { Covers: not null, RunId: not null } header ? header : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
