using System.Globalization;
using System.Text;

namespace VideoPipeline.Storage;

/// <summary>
/// Table Storage keys may not hold <c>/ \ # ?</c> or control characters (U+0000–U+001F, U+007F–U+009F). Those and
/// <c>%</c> itself become <c>%XX</c> (the character's code in hex), so distinct ids always give distinct keys.
/// </summary>
internal static class TableKeys
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(MustEscape))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool MustEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
