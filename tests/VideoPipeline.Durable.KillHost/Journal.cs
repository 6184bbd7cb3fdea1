namespace VideoPipeline.Durable.KillHost;

/// <summary>Appends one line per event; O_APPEND keeps lines whole across the processes that share the file.</summary>
public sealed class Journal(string path)
{
    private readonly Lock _gate = new();

    public void Write(string line)
    {
        lock (_gate)
        {
            File.AppendAllText(path, line + "\n");
        }
    }
}
