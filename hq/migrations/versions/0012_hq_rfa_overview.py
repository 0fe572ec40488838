"""A projection of every operation's RFAs for the cross-operation overview

Revision ID: 0012_hq_rfa_overview
Revises: 0011_hq_roster
Create Date: 2026-12-07

hq_rfas (one row per synced `rfa` row) and hq_rfa_events (one per `rfa_event` row, the
status history), filled here from the rows already synced, in batches, so an upgraded HQ
shows its past requests; hq_overview_version, the projection's version (one row). The
rules are those of hq.overview when this revision was written (copied, not imported: a
later change there must not change this migration).
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0012_hq_rfa_overview'
down_revision = '0011_hq_roster'
branch_labels = None
depends_on = None

BATCH = 2000
SUMMARY_CHARS = 200
_REQUESTED = {"submitted", "validated", "returned", "passed_to_military", "tasked",
              "completed", "rejected"}
_TASKED = {"tasked", "completed"}
INDEXES = (
    ('ix_hq_rfas_operation_status', ['operation_id', 'status']),
    ('ix_hq_rfas_status', ['status']),
    ('ix_hq_rfas_priority', ['priority']),
    ('ix_hq_rfas_capability', ['capability']),
    ('ix_hq_rfas_cluster', ['cluster']),
    ('ix_hq_rfas_needed_by', ['required_until']),
    ('ix_hq_rfas_requested', ['requested_at']),
)


def upgrade() -> None:
    op.create_table(
        'hq_rfas',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('operation_id', sa.String(length=36), nullable=True),
        sa.Column('reference', sa.String(length=40), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=24), nullable=False),
        sa.Column('priority', sa.String(length=20), nullable=False),
        sa.Column('life_saving', sa.Boolean(), nullable=False),
        sa.Column('capability', sa.String(length=40), nullable=False),
        sa.Column('cluster', sa.String(length=80), nullable=False),
        sa.Column('required_from', sa.DateTime(), nullable=True),
        sa.Column('required_until', sa.DateTime(), nullable=True),
        sa.Column('tasked_asset_id', sa.String(length=64), nullable=True),
        sa.Column('requested_at', sa.DateTime(), nullable=True),
        sa.Column('requested_week', sa.Date(), nullable=True),
        sa.Column('tasked_at', sa.DateTime(), nullable=True),
        sa.Column('tasked_week', sa.Date(), nullable=True),
        sa.Column('completed_at', sa.DateTime(), nullable=True),
        sa.Column('completed_week', sa.Date(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_rfas')),
    )
    with op.batch_alter_table('hq_rfas', schema=None) as batch_op:
        for name, columns in INDEXES:
            batch_op.create_index(name, columns, unique=False)
    op.create_table(
        'hq_rfa_events',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('rfa_id', sa.String(length=64), nullable=False),
        sa.Column('to_status', sa.String(length=24), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=True),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_rfa_events')),
    )
    with op.batch_alter_table('hq_rfa_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_rfa_events_rfa_id'), ['rfa_id'], unique=False)
    op.create_table(
        'hq_overview_version',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_overview_version')),
    )
    op.bulk_insert(sa.table('hq_overview_version', sa.column('id'), sa.column('version')),
                   [{'id': 1, 'version': 1}])
    _backfill()


# --- the backfill: rows already synced ---------------------------------------------------

_JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
STATES = sa.table('row_states', sa.column('entity', sa.String()),
                  sa.column('row_id', sa.String()), sa.column('operation_id', sa.String()),
                  sa.column('fields', _JSON), sa.column('deleted', sa.Boolean()),
                  sa.column('updated_at', sa.DateTime()))
RFAS = sa.table('hq_rfas', *(sa.column(name) for name in (
    'id', 'operation_id', 'reference', 'title', 'summary', 'status', 'priority',
    'life_saving', 'capability', 'cluster', 'required_from', 'required_until',
    'tasked_asset_id', 'requested_at', 'requested_week', 'tasked_at', 'tasked_week',
    'completed_at', 'completed_week', 'created_at', 'updated_at', 'deleted')))
EVENTS = sa.table('hq_rfa_events', *(sa.column(name) for name in (
    'id', 'rfa_id', 'to_status', 'at', 'deleted')))


def _text(value, limit=None):
    text = value if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _moment(value):
    """A synced ISO 8601 date and time as naive UTC (as the tables store it), or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _week(moment):
    if moment is None:
        return None
    day = moment.date()
    return day - timedelta(days=day.weekday())


def _batches(bind, entity):
    """The live and deleted rows of `entity`, BATCH at a time, in row id order."""
    last = ""
    while True:
        rows = bind.execute(
            sa.select(STATES.c.row_id, STATES.c.operation_id, STATES.c.fields,
                      STATES.c.deleted, STATES.c.updated_at)
            .where(STATES.c.entity == entity, STATES.c.row_id > last)
            .order_by(STATES.c.row_id).limit(BATCH)).all()
        if not rows:
            return
        yield rows
        last = rows[-1].row_id


def _backfill() -> None:
    bind = op.get_bind()
    firsts: dict[str, dict[str, datetime]] = {}
    for rows in _batches(bind, 'rfa_event'):
        events = []
        for row in rows:
            fields = row.fields or {}
            at = _moment(fields.get('at'))
            rfa_id = _text(fields.get('rfa_id'), 64)
            status = _text(fields.get('to_status'), 24)
            events.append({'id': row.row_id, 'rfa_id': rfa_id, 'to_status': status, 'at': at,
                           'deleted': bool(row.deleted)})
            if at is not None and not row.deleted:
                seen = firsts.setdefault(rfa_id, {})
                if status not in seen or at < seen[status]:
                    seen[status] = at
        op.bulk_insert(EVENTS, events)
    now = datetime.now(UTC).replace(tzinfo=None)
    for rows in _batches(bind, 'rfa'):
        op.bulk_insert(RFAS, [_rfa(row, firsts.get(row.row_id, {}), now) for row in rows])


def _rfa(row, first: dict[str, datetime], now: datetime) -> dict:
    fields = row.fields or {}
    status = _text(fields.get('status'), 24) or 'draft'
    priority = _text(fields.get('priority'), 20) or 'other'
    seen = row.updated_at or now  # without its history: when HQ last had it
    task = " ".join(_text(fields.get('task_description')).split())
    values = {
        'id': row.row_id, 'operation_id': row.operation_id,
        'reference': _text(fields.get('reference'), 40), 'title': _text(fields.get('title')),
        'summary': task if len(task) <= SUMMARY_CHARS else task[:SUMMARY_CHARS - 1] + "…",
        'status': status, 'priority': priority, 'life_saving': priority == 'life_saving',
        'capability': _text(fields.get('capability'), 40) or 'other',
        'cluster': _text(fields.get('cluster'), 80),
        'required_from': _moment(fields.get('required_from')),
        'required_until': _moment(fields.get('required_until')),
        'tasked_asset_id': _text(fields.get('tasked_asset_id'), 64) or None,
        'created_at': first.get('draft') or seen, 'updated_at': seen,
        'deleted': bool(row.deleted),
    }
    for measure, event, reached in (('requested', 'submitted', status in _REQUESTED),
                                    ('tasked', 'tasked', status in _TASKED),
                                    ('completed', 'completed', status == 'completed')):
        moment = first.get(event) or (seen if reached else None)
        values[f'{measure}_at'] = moment
        values[f'{measure}_week'] = _week(moment)
    return values


def downgrade() -> None:
    op.drop_table('hq_overview_version')
    with op.batch_alter_table('hq_rfa_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hq_rfa_events_rfa_id'))
    op.drop_table('hq_rfa_events')
    with op.batch_alter_table('hq_rfas', schema=None) as batch_op:
        for name, _columns in reversed(INDEXES):
            batch_op.drop_index(name)
    op.drop_table('hq_rfas')

