/**
 * The "Form" tab: build an upsert from the introspected schema and see it live as SQL in the
 * current dialect and as SQLAlchemy code. The state is dialect-neutral; pass `state` and
 * `onStateChange` to keep it in the app's store, or let the form keep it while it stays mounted.
 */
import { useId, useMemo, useState } from 'react';
import { DIALECT_LABEL, type Dialect, type TableDiff, type TableSchema } from '../engine/types';
import { BuilderOutput } from './BuilderOutput';
import { RowsGrid } from './RowsGrid';
import { ActionsFieldset, ConditionFieldset, ReturningFieldset, updateNotApplicable } from './UpdateFields';
import {
  STRATEGIES,
  STRATEGY_LABEL,
  type BuilderState,
  type TargetChoice,
  actionFor,
  defaultBuilderState,
  findTable,
  insertableColumns,
  numberedColumn,
  resolvedInsertColumns,
} from './model';
import { generateSql, strategyAvailability } from './sql';
import { DEFAULT_SA_OPTIONS, type SaOptions, generateSqlAlchemy } from './sqlalchemy';
import { setupRowsOf } from './SaOptions';
import { type Plan, resolvePlan, targetOptions } from './targets';
import { updatableColumns } from './clauses';
import { CsvPanel } from '../csv/CsvPanel';
import './builder.css';

/** Props of the upsert builder form. */
export interface BuilderFormProps {
  dialect: Dialect;
  /** Tables the setup script creates, as the engine introspected them. */
  tables: TableSchema[];
  /** Why the schema could not be read (e.g. the setup script failed). */
  schemaError?: string;
  /** Puts the generated statement into the Statement editor. */
  onUseStatement: (sql: string) => void;
  /** When given, a "Use and run" button puts the statement in the editor and runs it. */
  onRunStatement?: (sql: string) => void;
  /** Controlled state (null: start from the first table's defaults). */
  state?: BuilderState | null;
  onStateChange?: (state: BuilderState) => void;
  /** The tables of the last run of the current setup (their Before rows go into the whole SQLAlchemy file). */
  ranTables?: TableDiff[] | null;
  /** When given, a panel loads CSV files into the table; called when the loaded files change. */
  onCsvChange?: () => void;
}

function targetChecked(choice: TargetChoice, plan: Plan): boolean {
  if (choice.kind === 'none') return plan.key === null;
  if (choice.kind === 'constraint') return plan.constraint === choice.name;
  return plan.constraint === null && plan.key?.name === choice.name;
}

/** The upsert builder. */
export function BuilderForm({
  dialect,
  tables,
  schemaError,
  onUseStatement,
  onRunStatement,
  state: controlled,
  onStateChange,
  ranTables,
  onCsvChange,
}: BuilderFormProps) {
  const id = useId();
  const [local, setLocal] = useState<BuilderState | null>(null);
  const [saOptions, setSaOptions] = useState<SaOptions>(DEFAULT_SA_OPTIONS);
  const raw = onStateChange ? (controlled ?? null) : local;
  const table = (raw ? findTable(tables, raw.table) : undefined) ?? tables[0];
  const state = useMemo(
    () =>
      raw && table && findTable(tables, raw.table) === table ? raw : table ? defaultBuilderState(table, dialect) : null,
    [raw, table, tables, dialect],
  );
  const update = (s: BuilderState) => (onStateChange ? onStateChange(s) : setLocal(s));

  const out = useMemo(() => {
    if (!state || !table) return null;
    const gen = generateSql(state, table, dialect);
    const setupRows = saOptions.form === 'file' ? setupRowsOf(ranTables, table.name) : null;
    return {
      gen,
      sa: generateSqlAlchemy(state, table, dialect, { ...saOptions, setupRows }),
      plan: resolvePlan(state, table, dialect),
    };
  }, [state, table, dialect, saOptions, ranTables]);

  if (!state || !table || !out) {
    return (
      <section className="ub-form" aria-label="Upsert builder">
        <p className={schemaError ? 'ub-errors' : 'ub-hint'}>
          {schemaError
            ? `The schema could not be read: ${schemaError}`
            : 'The setup script creates no tables yet. Add CREATE TABLE statements to the Setup script to build an upsert here.'}
        </p>
      </section>
    );
  }

  const { plan } = out;
  const insertable = insertableColumns(table);
  const inserted = resolvedInsertColumns(state, table);
  const insertedNames = new Set(inserted.map((c) => c.name));
  const keyNames = new Set(plan.keyColumns.map((c) => c.name));
  const notApplicable = updateNotApplicable(plan.strategy);
  const ctxColumns = updatableColumns(table, plan);
  const actionReason =
    dialect === 'sqlite' && plan.strategy !== 'twoStep'
      ? 'SQLite cannot tell inserted from updated rows in RETURNING (it has no xmax).'
      : null;

  const toggleColumn = (name: string, on: boolean) => {
    const names = insertable.map((c) => c.name).filter((n) => (n === name ? on : insertedNames.has(n)));
    const a = actionFor(state, name);
    const kind =
      on && a.kind === 'keep' ? 'excluded' : !on && ['excluded', 'add', 'coalesce'].includes(a.kind) ? 'keep' : a.kind;
    update({ ...state, insertColumns: names, actions: { ...state.actions, [name]: { ...a, kind } } });
  };

  return (
    <section className="ub-form" aria-label="Upsert builder">
      {schemaError && <p className="ub-errors">The schema could not be read: {schemaError}</p>}
      <div className="ub-top">
        <label htmlFor={`${id}-table`}>Table</label>
        <select
          id={`${id}-table`}
          value={table.name}
          onChange={(e) => {
            const t = tables.find((x) => x.name === e.target.value);
            if (!t) return;
            const next = defaultBuilderState(t, dialect);
            update(strategyAvailability(state.strategy, dialect, t).ok ? { ...next, strategy: state.strategy } : next);
          }}
        >
          {tables.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
        <span className="ub-hint">
          SQL for {DIALECT_LABEL[dialect]}; switching the dialect regenerates it from this form.
        </span>
      </div>

      <fieldset className="ub-fieldset">
        <legend>Columns to insert</legend>
        <div className="ub-checks">
          {table.columns.map((c, i) => (
            <span className="ub-check" key={c.name}>
              <input
                type="checkbox"
                id={`${id}-ic${i}`}
                checked={insertedNames.has(c.name)}
                disabled={c.generated}
                onChange={(e) => toggleColumn(c.name, e.target.checked)}
              />
              <label htmlFor={`${id}-ic${i}`}>
                {c.name}
                {c.generated ? ' (generated)' : c.identity ? ' (identity)' : numberedColumn(c) ? ' (serial)' : ''}
              </label>
            </span>
          ))}
        </div>
      </fieldset>

      <fieldset className="ub-fieldset">
        <legend>Rows</legend>
        <RowsGrid
          columns={inserted}
          known={insertable.map((c) => c.name)}
          keyColumns={keyNames}
          rows={state.rows}
          onRowsChange={(rows, addColumns) =>
            update({
              ...state,
              rows,
              insertColumns: addColumns
                ? insertable.map((c) => c.name).filter((n) => insertedNames.has(n) || addColumns.includes(n))
                : state.insertColumns,
            })
          }
        />
      </fieldset>
      {onCsvChange && <CsvPanel dialect={dialect} table={table} tables={tables} onChange={onCsvChange} />}

      <div className="ub-columns">
        <fieldset className="ub-fieldset">
          <legend>Strategy</legend>
          {STRATEGIES.map((s) => {
            const avail = strategyAvailability(s, dialect, table);
            return (
              <div className="ub-choice" key={s}>
                <input
                  type="radio"
                  id={`${id}-s-${s}`}
                  name={`${id}-strategy`}
                  checked={state.strategy === s}
                  disabled={!avail.ok}
                  onChange={() => update({ ...state, strategy: s })}
                  aria-describedby={avail.ok ? undefined : `${id}-s-${s}-why`}
                />
                <label htmlFor={`${id}-s-${s}`}>{STRATEGY_LABEL[s]}</label>
                {!avail.ok && (
                  <span className="ub-reason" id={`${id}-s-${s}-why`}>
                    {avail.reason}
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>

        <fieldset className="ub-fieldset">
          <legend>Conflict target</legend>
          {targetOptions(plan.strategy, dialect, table).map((o, i) => (
            <div className="ub-choice" key={`${o.choice.kind}-${i}`}>
              <input
                type="radio"
                id={`${id}-t${i}`}
                name={`${id}-target`}
                checked={targetChecked(o.choice, plan)}
                disabled={!o.availability.ok}
                onChange={() => update({ ...state, target: o.choice })}
              />
              <label
                htmlFor={`${id}-t${i}`}
                title={o.choice.kind === 'key' && o.choice.name ? `Index ${o.choice.name}` : undefined}
              >
                <code>{o.label}</code>
              </label>
              {!o.availability.ok && <span className="ub-reason">{o.availability.reason}</span>}
            </div>
          ))}
        </fieldset>
      </div>

      <div className="ub-columns">
        <ActionsFieldset
          state={state}
          onChange={update}
          columns={ctxColumns}
          inserted={insertedNames}
          disabledReason={notApplicable}
          dialect={dialect}
        />
        <div>
          <ConditionFieldset
            state={state}
            onChange={update}
            columns={inserted}
            disabledReason={notApplicable}
            dialect={dialect}
          />
          <ReturningFieldset state={state} onChange={update} columns={table.columns} actionReason={actionReason} />
        </div>
      </div>

      <BuilderOutput
        sql={out.gen.sql}
        warnings={out.gen.warnings}
        errors={out.gen.errors}
        sqlalchemy={out.sa}
        dialect={dialect}
        saOptions={saOptions}
        onSaOptionsChange={setSaOptions}
        onUseStatement={onUseStatement}
        onRunStatement={onRunStatement}
      />
    </section>
  );
}
