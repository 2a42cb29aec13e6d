using GovPortal.Data;
using Npgsql;

namespace GovPortal.BackOffice.Audit;

/// <summary>
/// PostgreSQL: hands the audit tables (and the trigger function that keeps them append-only) to a separate owner
/// role, and leaves the portal's role SELECT and INSERT on the entries (and the use of their id sequence), SELECT on
/// the anchors. From then on whoever holds the portal's password cannot update, delete or truncate audit rows, nor
/// lift the trigger. Run once, connected as the new owner: a superuser, or a role granted the portal's role (which
/// lets it take over what the portal's role owns, while the portal's role gains nothing of it).
/// </summary>
public static class AuditTableSecuring
{
    public static async Task<IReadOnlyList<string>> SecureAsync(DatabaseOptions portal, string ownerConnectionString,
        CancellationToken cancellationToken = default)
    {
        if (portal.Provider != DatabaseProvider.Postgres)
            throw new AuditCommandException("secure-audit 只用于 PostgreSQL。" + SqliteLimit);
        await using var app = new NpgsqlConnection(portal.ConnectionString);
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        try
        {
            await app.OpenAsync(cancellationToken);
            await owner.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new AuditCommandException($"无法连接数据库：{e.Message}");
        }
        var (appRole, appDatabase, appSuper) = await WhoAsync(app, cancellationToken);
        var (ownerRole, ownerDatabase, _) = await WhoAsync(owner, cancellationToken);
        if (appDatabase != ownerDatabase)
            throw new AuditCommandException($"两个连接串指向不同的数据库（门户：{appDatabase}，--owner：{ownerDatabase}）。");
        if (appRole == ownerRole)
            throw new AuditCommandException($"--owner 须是门户的角色 {appRole} 以外的另一个角色。");
        if (appSuper)
            throw new AuditCommandException($"门户的数据库角色 {appRole} 是超级用户，任何权限设置都限制不了它。"
                                            + "请让门户改用一个普通角色（表的所有者），再运行本命令。");
        if (await ScalarAsync<bool>(app, "SELECT pg_has_role(current_user, @other, 'MEMBER')", cancellationToken,
                ownerRole))
            throw new AuditCommandException($"门户的角色 {appRole} 是 {ownerRole} 的成员，可以借用它的权限。"
                                            + $"请先执行 REVOKE \"{ownerRole}\" FROM \"{appRole}\"。");
        if (await ScalarAsync<bool>(app, "SELECT to_regclass('\"AuditChainAnchors\"') IS NULL", cancellationToken))
            throw new AuditCommandException("数据库还没有升级到本版本：请先启动一次门户完成升级，再运行本命令。");

        var a = Quote(appRole);
        await using (var transaction = await owner.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var sequence = await ScalarAsync<string>(owner,
                    "SELECT pg_get_serial_sequence('\"AuditEntries\"', 'Id')", cancellationToken);
                var schema = Quote(await ScalarAsync<string>(owner, "SELECT n.nspname FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = '\"AuditEntries\"'::regclass",
                    cancellationToken));
                foreach (var sql in new[]
                         {
                             "ALTER TABLE \"AuditEntries\" OWNER TO CURRENT_USER",
                             "ALTER TABLE \"AuditChainAnchors\" OWNER TO CURRENT_USER",
                             "ALTER FUNCTION audit_entries_append_only() OWNER TO CURRENT_USER",
                             $"REVOKE ALL ON TABLE \"AuditEntries\", \"AuditChainAnchors\" FROM PUBLIC, {a}",
                             $"GRANT SELECT, INSERT ON TABLE \"AuditEntries\" TO {a}",
                             $"GRANT SELECT ON TABLE \"AuditChainAnchors\" TO {a}",
                             $"GRANT USAGE ON SEQUENCE {sequence} TO {a}",
                             // The owner of a schema may drop any table in it: the portal's role keeps creating
                             // its own tables there, but no longer owns the schema that holds the audit tables.
                             $"ALTER SCHEMA {schema} OWNER TO CURRENT_USER",
                             $"GRANT USAGE, CREATE ON SCHEMA {schema} TO {a}",
                         })
                {
                    await using var command = new NpgsqlCommand(sql, owner, transaction);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new AuditCommandException($"角色 {ownerRole} 不能接管审计日志表（{e.MessageText}）。它须是超级用户，"
                                                + $"或先由数据库管理员执行 GRANT \"{appRole}\" TO \"{ownerRole}\"。");
            }
        }

        if (await ScalarAsync<bool>(app, "SELECT pg_has_role(current_user, n.nspowner, 'USAGE') FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = '\"AuditEntries\"'::regclass",
                cancellationToken))
            throw new AuditCommandException($"设置后门户的角色 {appRole} 仍拥有审计日志表所在的模式，可以删除整张表。");
        var refused = new List<string>();
        foreach (var right in new[] { "UPDATE", "DELETE", "TRUNCATE" })
            if (await ScalarAsync<bool>(app, "SELECT has_table_privilege('\"AuditEntries\"', @other)",
                    cancellationToken, right))
                throw new AuditCommandException($"设置后门户的角色 {appRole} 仍有 {right} 权限，请检查它所属的其他角色。");
            else refused.Add(right);
        return
        [
            $"审计日志表的所有者已改为 {ownerRole}。",
            $"门户的角色 {appRole} 只能插入和查询审计记录（{string.Join("、", refused)} 均被拒绝），"
            + "也不能再关闭只追加触发器或删除审计日志表；它仍可在同一模式中建表，数据库升级照常进行。",
            "今后清理审计日志（prune-audit）须加 --owner；升级中若有修改审计日志表的数据库迁移，也须由该角色执行。",
        ];
    }

    /// <summary>What the operator is told about SQLite, which has no roles.</summary>
    public const string SqliteLimit =
        "SQLite 没有数据库角色：能读写数据库文件的人都能改写审计日志。哈希链使任何修改、删除、插入都能被 verify-audit 发现；"
        + "把 verify-audit 最后打印的“序号:哈希”另行记录（纸质或另一台机器），下次用 --anchor 核对，还能发现末尾被删除"
        + "或整个日志被重新计算。需要数据库层面的防护时请使用 PostgreSQL 并运行 secure-audit。";

    private static async Task<(string Role, string Database, bool Superuser)> WhoAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT current_user, current_database(), (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql,
        CancellationToken cancellationToken, string? other = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (other is not null) command.Parameters.AddWithValue("other", other);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
