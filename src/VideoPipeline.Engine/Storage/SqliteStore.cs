using Microsoft.Data.Sqlite;
using VideoPipeline.Domain.Orchestration;

namespace VideoPipeline.Engine.Storage;

/// <summary>
/// Instances, history, inboxes and activity work in one SQLite database. One connection and one lock: the engine
/// is the only writer, SQLite serialises writers anyway, and statements stay prepared. WAL mode with
/// synchronous=NORMAL: a killed process loses no committed transaction (only a power cut can lose the last ones).
/// </summary>
internal sealed class SqliteStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS instances(
            instance_id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, execution_id TEXT NOT NULL, status INTEGER NOT NULL,
            input TEXT, output TEXT, custom_status TEXT, failure TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            parent_instance_id TEXT, parent_execution_id TEXT, parent_task_id INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS instances_created ON instances(created_at, instance_id);
        CREATE TABLE IF NOT EXISTS history(
            instance_id TEXT NOT NULL, seq INTEGER NOT NULL, kind INTEGER NOT NULL, task_id INTEGER NOT NULL,
            name TEXT, payload TEXT, target TEXT, timestamp INTEGER NOT NULL, PRIMARY KEY(instance_id, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS inbox(
            id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, kind INTEGER NOT NULL, task_id INTEGER NOT NULL,
            name TEXT, payload TEXT, target TEXT, timestamp INTEGER NOT NULL, visible_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS inbox_instance ON inbox(instance_id, visible_at);
        CREATE INDEX IF NOT EXISTS inbox_visible ON inbox(visible_at);
        CREATE TABLE IF NOT EXISTS activities(
            id INTEGER PRIMARY KEY AUTOINCREMENT, instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, task_id INTEGER NOT NULL,
            name TEXT NOT NULL, input TEXT);
        CREATE INDEX IF NOT EXISTS activities_instance ON activities(instance_id);
        """;

    private const string InstanceColumns =
        "instance_id, name, execution_id, status, input, output, custom_status, failure, created_at, updated_at, parent_instance_id, parent_execution_id, parent_task_id";

    private static readonly string[] AllTables = ["inbox", "activities", "history", "instances"];

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    private SqliteStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>, or a private in-memory one when null.</summary>
    public static SqliteStore Open(string? path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var store = new SqliteStore(connection);
        store.Execute(path is null ? "PRAGMA journal_mode=MEMORY;" : "PRAGMA journal_mode=WAL;");
        store.Execute("PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        store.Execute(Schema);
        return store;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _connection.Dispose();
        }
    }

    public InstanceRecord? GetInstance(string instanceId)
    {
        lock (_lock)
        {
            return ReadInstance(instanceId);
        }
    }

    /// <summary>One page of instances after the (created, id) key, oldest first; statuses are filtered by the caller so the key stays simple.</summary>
    public List<InstanceRecord> ListInstances(OrchestrationQuery query, (DateTime CreatedAt, string InstanceId)? after)
    {
        // substr, not LIKE: LIKE ignores ASCII case, and instance ids are case-sensitive.
        var sql = $"SELECT {InstanceColumns} FROM instances WHERE created_at >= $from AND created_at <= $to AND substr(instance_id, 1, length($prefix)) = $prefix" +
            " AND (created_at, instance_id) > ($afterCreated, $afterId) ORDER BY created_at, instance_id LIMIT $limit";
        var prefix = query.InstanceIdPrefix ?? string.Empty;
        lock (_lock)
        {
            var command = Command(sql);
            command.Parameters.AddWithValue("$from", query.CreatedFrom?.UtcTicks ?? 0);
            command.Parameters.AddWithValue("$to", query.CreatedTo?.UtcTicks ?? long.MaxValue);
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$afterCreated", after?.CreatedAt.Ticks ?? -1);
            command.Parameters.AddWithValue("$afterId", after?.InstanceId ?? string.Empty);
            command.Parameters.AddWithValue("$limit", Math.Max(1, query.PageSize));
            var page = new List<InstanceRecord>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                page.Add(ReadInstance(reader));
            }

            return page;
        }
    }

    /// <summary>
    /// Creates the instance with its start message, replacing a previous instance of that id unless the previous one's
    /// status is in <paramref name="dedupeStatuses"/>.
    /// </summary>
    public void CreateInstance(string instanceId, string name, string? input, IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses, DateTime now)
    {
        lock (_lock)
        {
            InTransaction(() =>
            {
                var existing = ReadInstance(instanceId);
                if (existing is not null && dedupeStatuses.Contains(existing.Status))
                {
                    throw new InvalidOperationException(
                        $"An orchestration instance with id '{instanceId}' already exists with status {existing.Status}; it was not replaced.");
                }

                InsertNewInstance(instanceId, name, input, now, parent: null);
            });
        }
    }

    /// <summary>Adds a message to an instance's inbox. False when the instance has finished (the message is dropped).</summary>
    public bool Enqueue(string instanceId, HistoryEvent message, DateTime visibleAt)
    {
        lock (_lock)
        {
            var instance = ReadInstance(instanceId) ?? throw new ArgumentException($"No orchestration instance with id '{instanceId}' exists.", nameof(instanceId));
            if (instance.IsTerminal)
            {
                return false;
            }

            InsertInbox(instanceId, message, visibleAt);
            return true;
        }
    }

    /// <summary>Deletes a finished instance with its history. Returns how many instances were removed (0 or 1).</summary>
    public int Purge(string instanceId)
    {
        lock (_lock)
        {
            var purged = 0;
            InTransaction(() =>
            {
                var instance = ReadInstance(instanceId);
                if (instance is { IsTerminal: true })
                {
                    DeleteInstanceData(instanceId, AllTables);
                    purged = 1;
                }
            });
            return purged;
        }
    }

    public EpisodeWork? LoadEpisode(string instanceId, DateTime now)
    {
        lock (_lock)
        {
            var instance = ReadInstance(instanceId);
            if (instance is null)
            {
                return null;
            }

            var history = new List<HistoryEvent>();
            var command = Command("SELECT kind, task_id, name, payload, target, timestamp FROM history WHERE instance_id = $id ORDER BY seq");
            command.Parameters.AddWithValue("$id", instanceId);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    history.Add(ReadEvent(reader, 0));
                }
            }

            var messages = new List<InboxMessage>();
            command = Command("SELECT id, kind, task_id, name, payload, target, timestamp FROM inbox WHERE instance_id = $id AND visible_at <= $now ORDER BY id");
            command.Parameters.AddWithValue("$id", instanceId);
            command.Parameters.AddWithValue("$now", now.Ticks);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    messages.Add(new InboxMessage(reader.GetInt64(0), ReadEvent(reader, 1)));
                }
            }

            return new EpisodeWork(instance, history, messages);
        }
    }

    public CommitResult CommitEpisode(EpisodeCommit episode, DateTime now)
    {
        var result = new CommitResult();
        lock (_lock)
        {
            InTransaction(() =>
            {
                var instance = episode.Instance;
                var seq = episode.FirstSequence;
                foreach (var e in episode.NewHistory)
                {
                    var command = Command("INSERT INTO history(instance_id, seq, kind, task_id, name, payload, target, timestamp) VALUES($id, $seq, $kind, $task, $name, $payload, $target, $ts)");
                    command.Parameters.AddWithValue("$id", instance.InstanceId);
                    command.Parameters.AddWithValue("$seq", seq++);
                    AddEventParameters(command, e);
                    command.ExecuteNonQuery();
                }

                foreach (var id in episode.ConsumedMessageIds)
                {
                    var command = Command("DELETE FROM inbox WHERE id = $id");
                    command.Parameters.AddWithValue("$id", id);
                    command.ExecuteNonQuery();
                }

                UpdateInstance(instance);
                if (instance.IsTerminal)
                {
                    // Nothing may wake a finished instance: drop its timers, unread events and queued activities.
                    DeleteInstanceData(instance.InstanceId, "inbox", "activities");
                    NotifyParent(instance, result);
                    result.TerminalInstances.Add(instance.InstanceId);
                    return;
                }

                foreach (var taskId in episode.CancelledTimers)
                {
                    var command = Command("DELETE FROM inbox WHERE instance_id = $id AND kind = $kind AND task_id = $task");
                    command.Parameters.AddWithValue("$id", instance.InstanceId);
                    command.Parameters.AddWithValue("$kind", (int)HistoryEventKind.TimerFired);
                    command.Parameters.AddWithValue("$task", taskId);
                    command.ExecuteNonQuery();
                }

                foreach (var (taskId, name, input) in episode.Activities)
                {
                    var command = Command("INSERT INTO activities(instance_id, execution_id, task_id, name, input) VALUES($id, $exec, $task, $name, $input) RETURNING id");
                    command.Parameters.AddWithValue("$id", instance.InstanceId);
                    command.Parameters.AddWithValue("$exec", instance.ExecutionId);
                    command.Parameters.AddWithValue("$task", taskId);
                    command.Parameters.AddWithValue("$name", name);
                    command.Parameters.AddWithValue("$input", (object?)input ?? DBNull.Value);
                    var rowId = (long)command.ExecuteScalar()!;
                    result.Activities.Add(new ActivityWorkItem(rowId, instance.InstanceId, instance.ExecutionId, taskId, name, input));
                }

                foreach (var (taskId, fireAt) in episode.Timers)
                {
                    InsertInbox(instance.InstanceId, HistoryEvent.Of(HistoryEventKind.TimerFired, fireAt, taskId), fireAt);
                    result.Timers.Add((instance.InstanceId, fireAt));
                }

                foreach (var child in episode.Children)
                {
                    var existing = ReadInstance(child.InstanceId);
                    if (existing is { IsTerminal: false })
                    {
                        var failure = new TaskFailureDetails(
                            typeof(InvalidOperationException).FullName!,
                            $"Sub-orchestration '{child.Name}' could not start: instance '{child.InstanceId}' already exists with status {existing.Status}.",
                            null,
                            null);
                        episode.SelfMessages.Add(HistoryEvent.Of(HistoryEventKind.SubOrchestrationFailed, now, child.ParentTaskId, child.Name, FailureJson.Serialize(failure)));
                        continue;
                    }

                    InsertNewInstance(child.InstanceId, child.Name, child.Input, now, (instance.InstanceId, instance.ExecutionId, child.ParentTaskId));
                    result.ReadyInstances.Add(child.InstanceId);
                }

                foreach (var message in episode.SelfMessages)
                {
                    InsertInbox(instance.InstanceId, message, now);
                    result.ReadyInstances.Add(instance.InstanceId);
                }
            });
        }

        return result;
    }

    /// <summary>
    /// Records an activity's result in its instance's inbox and deletes the work item, atomically. False when the
    /// instance has since finished or been restarted (the result is dropped).
    /// </summary>
    public bool CompleteActivity(ActivityWorkItem item, HistoryEvent result, DateTime now)
    {
        lock (_lock)
        {
            var delivered = false;
            InTransaction(() =>
            {
                var command = Command("DELETE FROM activities WHERE id = $id");
                command.Parameters.AddWithValue("$id", item.Id);
                command.ExecuteNonQuery();
                var instance = ReadInstance(item.InstanceId);
                if (instance is { IsTerminal: false } && instance.ExecutionId == item.ExecutionId)
                {
                    InsertInbox(item.InstanceId, result, now);
                    delivered = true;
                }
            });
            return delivered;
        }
    }

    /// <summary>What a restarted engine must resume: instances with due messages, queued activities, future timers.</summary>
    public CommitResult Recover(DateTime now)
    {
        var result = new CommitResult();
        lock (_lock)
        {
            var command = Command("SELECT DISTINCT instance_id FROM inbox WHERE visible_at <= $now");
            command.Parameters.AddWithValue("$now", now.Ticks);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    result.ReadyInstances.Add(reader.GetString(0));
                }
            }

            command = Command("SELECT instance_id, visible_at FROM inbox WHERE visible_at > $now");
            command.Parameters.AddWithValue("$now", now.Ticks);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    result.Timers.Add((reader.GetString(0), new DateTime(reader.GetInt64(1), DateTimeKind.Utc)));
                }
            }

            command = Command("SELECT id, instance_id, execution_id, task_id, name, input FROM activities ORDER BY id");
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    result.Activities.Add(new ActivityWorkItem(
                        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
                }
            }
        }

        return result;
    }

    /// <summary>How many instances have messages due now: zero means every instance is idle (waiting or finished).</summary>
    public long CountInstancesWithDueMessages(DateTime now)
    {
        lock (_lock)
        {
            var command = Command("SELECT COUNT(DISTINCT instance_id) FROM inbox WHERE visible_at <= $now");
            command.Parameters.AddWithValue("$now", now.Ticks);
            return (long)command.ExecuteScalar()!;
        }
    }

    private static HistoryEvent ReadEvent(SqliteDataReader reader, int first) => new(
        (HistoryEventKind)reader.GetInt32(first),
        reader.GetInt32(first + 1),
        reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4),
        new DateTime(reader.GetInt64(first + 5), DateTimeKind.Utc));

    private static InstanceRecord ReadInstance(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        (OrchestrationRuntimeStatus)reader.GetInt32(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        new DateTime(reader.GetInt64(8), DateTimeKind.Utc),
        new DateTime(reader.GetInt64(9), DateTimeKind.Utc),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.GetInt32(12));

    private static void AddEventParameters(SqliteCommand command, HistoryEvent e)
    {
        command.Parameters.AddWithValue("$kind", (int)e.Kind);
        command.Parameters.AddWithValue("$task", e.TaskId);
        command.Parameters.AddWithValue("$name", (object?)e.Name ?? DBNull.Value);
        command.Parameters.AddWithValue("$payload", (object?)e.Payload ?? DBNull.Value);
        command.Parameters.AddWithValue("$target", (object?)e.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("$ts", e.Timestamp.Ticks);
    }

    private InstanceRecord? ReadInstance(string instanceId)
    {
        var command = Command($"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id");
        command.Parameters.AddWithValue("$id", instanceId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadInstance(reader) : null;
    }

    private void InsertNewInstance(string instanceId, string name, string? input, DateTime now, (string InstanceId, string ExecutionId, int TaskId)? parent)
    {
        DeleteInstanceData(instanceId, AllTables);
        var command = Command($"INSERT INTO instances({InstanceColumns}) VALUES($id, $name, $exec, $status, $input, NULL, NULL, NULL, $now, $now, $parent, $parentExec, $parentTask)");
        command.Parameters.AddWithValue("$id", instanceId);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$exec", Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("$status", (int)OrchestrationRuntimeStatus.Pending);
        command.Parameters.AddWithValue("$input", (object?)input ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now.Ticks);
        command.Parameters.AddWithValue("$parent", (object?)parent?.InstanceId ?? DBNull.Value);
        command.Parameters.AddWithValue("$parentExec", (object?)parent?.ExecutionId ?? DBNull.Value);
        command.Parameters.AddWithValue("$parentTask", parent?.TaskId ?? -1);
        command.ExecuteNonQuery();
        InsertInbox(instanceId, HistoryEvent.Of(HistoryEventKind.ExecutionStarted, now, name: name, payload: input), now);
    }

    private void UpdateInstance(InstanceRecord instance)
    {
        var command = Command("UPDATE instances SET status = $status, output = $output, custom_status = $custom, failure = $failure, updated_at = $updated WHERE instance_id = $id");
        command.Parameters.AddWithValue("$id", instance.InstanceId);
        command.Parameters.AddWithValue("$status", (int)instance.Status);
        command.Parameters.AddWithValue("$output", (object?)instance.Output ?? DBNull.Value);
        command.Parameters.AddWithValue("$custom", (object?)instance.CustomStatus ?? DBNull.Value);
        command.Parameters.AddWithValue("$failure", (object?)instance.Failure ?? DBNull.Value);
        command.Parameters.AddWithValue("$updated", instance.UpdatedAt.Ticks);
        command.ExecuteNonQuery();
    }

    private void NotifyParent(InstanceRecord child, CommitResult result)
    {
        if (child.ParentInstanceId is null)
        {
            return;
        }

        var parent = ReadInstance(child.ParentInstanceId);
        if (parent is not { IsTerminal: false } || parent.ExecutionId != child.ParentExecutionId)
        {
            return;
        }

        var message = child.Status == OrchestrationRuntimeStatus.Completed
            ? HistoryEvent.Of(HistoryEventKind.SubOrchestrationCompleted, child.UpdatedAt, child.ParentTaskId, child.Name, child.Output, child.InstanceId)
            : HistoryEvent.Of(HistoryEventKind.SubOrchestrationFailed, child.UpdatedAt, child.ParentTaskId, child.Name, child.Failure ?? FailureJson.Serialize(
                new TaskFailureDetails("VideoPipeline.Engine.OrchestrationTerminated", $"Sub-orchestration '{child.InstanceId}' was terminated.", null, null)), child.InstanceId);
        InsertInbox(parent.InstanceId, message, child.UpdatedAt);
        result.ReadyInstances.Add(parent.InstanceId);
    }

    private void InsertInbox(string instanceId, HistoryEvent message, DateTime visibleAt)
    {
        var command = Command("INSERT INTO inbox(instance_id, kind, task_id, name, payload, target, timestamp, visible_at) VALUES($id, $kind, $task, $name, $payload, $target, $ts, $visible)");
        command.Parameters.AddWithValue("$id", instanceId);
        AddEventParameters(command, message);
        command.Parameters.AddWithValue("$visible", visibleAt.Ticks);
        command.ExecuteNonQuery();
    }

    private void DeleteInstanceData(string instanceId, params string[] tables)
    {
        foreach (var table in tables)
        {
            var command = Command($"DELETE FROM {table} WHERE instance_id = $id");
            command.Parameters.AddWithValue("$id", instanceId);
            command.ExecuteNonQuery();
        }
    }

    private void InTransaction(Action work)
    {
        using var transaction = _connection.BeginTransaction();
        _transaction = transaction;
        try
        {
            work();
            transaction.Commit();
        }
        finally
        {
            _transaction = null;
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A prepared command reused across calls (the lock makes that safe), with fresh parameters.</summary>
    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = _transaction;
        return command;
    }
}
