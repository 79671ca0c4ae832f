using System.Buffers;
using System.Globalization;

namespace CostSync.Sync.Validation;

/// <summary>
/// Reads decompressed CSV bytes as they come: keeps the first line (up to 1 MiB) and, when asked to, counts the fields of every
/// record after it (RFC 4180 quotes: commas and line breaks inside quotes belong to the value; blank lines are skipped, as CSV
/// readers do). It only counts, never keeps values, so nothing of a report's data is held or reported. Hand-written because the
/// CSV packages pull from a stream, and these bytes are pushed part by part.
/// </summary>
internal sealed class CsvShape(bool countRecords)
{
    /// <summary>The longest first line looked for; OCI's headers are a few KiB even with many <c>tags/…</c> columns.</summary>
    public const int MaxHeaderBytes = 1024 * 1024;

    private static readonly SearchValues<byte> Specials = SearchValues.Create(",\"\n\r"u8);
    private readonly ArrayBufferWriter<byte> _headerBytes = new(1024);
    private bool _headerQuoted;
    private bool _counting;
    private int _expected;
    private bool _quoted;
    private int _fields = 1;
    private bool _hasData;
    private long _lines;
    private long _recordLine;
    private long _badRecords;
    private long _firstBadLine;
    private int _firstBadFields;

    /// <summary>The first line once it is complete (or, at the end, whatever the content was).</summary>
    public HeaderLine? Header { get; private set; }

    /// <summary>Set when there is no first line to speak of (too long).</summary>
    public string? HeaderProblem { get; private set; }

    /// <summary>Records after the header (when counting).</summary>
    public long Records { get; private set; }

    /// <summary>Takes the next decompressed bytes; false when no more are needed (the header is in and records are not counted).</summary>
    public bool Accept(ReadOnlySpan<byte> data)
    {
        if (Header is null && HeaderProblem is null)
        {
            var used = TakeHeader(data);
            if (Header is null && HeaderProblem is null)
            {
                return true;
            }

            if (!countRecords)
            {
                return false;
            }

            data = data[used..];
        }

        if (_counting)
        {
            Count(data);
        }

        return true;
    }

    /// <summary>At the end of the content: the header if the content had no line break, and the last record if it had none either.</summary>
    public void End()
    {
        if (Header is null && HeaderProblem is null && _headerBytes.WrittenCount > 0)
        {
            SetHeader(_headerBytes.WrittenSpan);
        }

        if (_counting && _hasData && !_quoted)
        {
            EndRecord();
        }
    }

    /// <summary>What is wrong with the records after the header, once <see cref="End"/> has run; null when every record fits.</summary>
    public string? RecordProblem()
    {
        if (_counting && _quoted)
        {
            return string.Create(CultureInfo.InvariantCulture, $"a quoted value opened on line {_recordLine + 1} is never closed (the content ends inside it)");
        }

        if (_badRecords == 0)
        {
            return null;
        }

        var more = _badRecords > 1 ? string.Create(CultureInfo.InvariantCulture, $"; {_badRecords:N0} records do not match") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"the record on line {_firstBadLine + 1} has {_firstBadFields} fields, the header has {_expected}{more}");
    }

    private int TakeHeader(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == (byte)'"')
            {
                _headerQuoted = !_headerQuoted;
            }
            else if (b == (byte)'\n' && !_headerQuoted)
            {
                if (_headerBytes.WrittenCount + i > MaxHeaderBytes)
                {
                    break;
                }

                _headerBytes.Write(data[..i]);
                SetHeader(_headerBytes.WrittenSpan);
                _lines = 1;
                _recordLine = 1;
                return i + 1;
            }
        }

        if (_headerBytes.WrittenCount + data.Length > MaxHeaderBytes)
        {
            HeaderProblem = "no line break in the first 1 MiB: the content is not a CSV report";
            return data.Length;
        }

        _headerBytes.Write(data);
        return data.Length;
    }

    private void SetHeader(ReadOnlySpan<byte> line)
    {
        Header = HeaderLine.Parse(line);
        _expected = Header.Columns.Count;
        _counting = countRecords && Header.Problem is null;
    }

    private void Count(ReadOnlySpan<byte> data)
    {
        while (true)
        {
            var next = data.IndexOfAny(Specials);
            if (next < 0)
            {
                _hasData |= !data.IsEmpty;
                return;
            }

            _hasData |= next > 0;
            switch (data[next])
            {
                case (byte)'"':
                    _quoted = !_quoted;
                    _hasData = true;
                    break;
                case (byte)',':
                    _fields += _quoted ? 0 : 1;
                    _hasData = true;
                    break;
                case (byte)'\n':
                    _lines++;
                    if (!_quoted)
                    {
                        EndRecord();
                    }

                    break;
            }

            data = data[(next + 1)..];
        }
    }

    private void EndRecord()
    {
        if (_hasData)
        {
            Records++;
            if (_fields != _expected && _badRecords++ == 0)
            {
                _firstBadLine = _recordLine;
                _firstBadFields = _fields;
            }
        }

        _fields = 1;
        _hasData = false;
        _recordLine = _lines;
    }
}
