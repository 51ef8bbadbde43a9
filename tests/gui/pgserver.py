# SPDX-License-Identifier: GPL-3.0-or-later
"""A PostgreSQL server of the test's own, for the window tests of several
desks: tools/pg-test-cluster in a temporary folder, stopped and removed at
the end.  The test may stop and start it while the app is open.

Under tools/test (TAMU_TEST_PG is set) a server that does not start fails
the test; in a developer's run without TAMU_TEST_PG and without PostgreSQL
the test is skipped (exit 77).
"""
import os
import pwd
import shutil
import subprocess
import sys
import tempfile

SOURCE_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
CLUSTER = os.path.join(SOURCE_ROOT, 'tools', 'pg-test-cluster')
PGBIN = os.environ.get('PGBIN', '/usr/lib/postgresql/15/bin')
SKIP = 77


class PgServer:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='tamu-gui-pg-')
        try:
            out = subprocess.run([CLUSTER, 'start', self.dir], check=True,
                                 capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as error:
            shutil.rmtree(self.dir, ignore_errors=True)
            detail = getattr(error, 'stderr', '') or str(error)
            if not os.environ.get('TAMU_TEST_PG'):
                print('SKIP: no PostgreSQL server for this test (TAMU_TEST_PG unset): %s' % detail,
                      flush=True)
                sys.exit(SKIP)
            raise AssertionError('the test server did not start: %s' % detail)
        # "host=DIR port=N dbname=tamu_test user=tamu"
        self.conninfo = out.stdout.strip().splitlines()[-1]
        self.port = open(os.path.join(self.dir, 'port')).read().strip()

    def _owner_run(self, args):
        owner = pwd.getpwuid(os.stat(os.path.join(self.dir, 'data')).st_uid).pw_name
        if os.getuid() == 0:
            args = ['runuser', '-u', owner, '--'] + args
        subprocess.run(args, check=True, capture_output=True)

    def stop_server(self):
        """Stops the server (fast shutdown: connections are cut), keeping its data."""
        self._owner_run([os.path.join(PGBIN, 'pg_ctl'), '-D', os.path.join(self.dir, 'data'),
                         '-m', 'fast', '-w', 'stop'])

    def start_server(self):
        """Starts it again on the same socket folder and port."""
        self._owner_run([os.path.join(PGBIN, 'pg_ctl'), '-D', os.path.join(self.dir, 'data'),
                         '-l', os.path.join(self.dir, 'server.log'), '-w', '-t', '60', 'start',
                         '-o', '-k %s -h 127.0.0.1 -p %s -c fsync=off' % (self.dir, self.port)])

    def require_password(self, password):
        """Gives the role "tamu" @password and makes the loopback port ask for
        it (scram-sha-256), as an office server does; the socket stays trust."""
        self.psql("ALTER ROLE tamu PASSWORD '%s'" % password.replace("'", "''"))
        hba = os.path.join(self.dir, 'data', 'pg_hba.conf')
        with open(hba) as f:
            lines = f.read().splitlines()
        lines = [line.rsplit(None, 1)[0] + ' scram-sha-256'
                 if line.startswith('host') and line.rstrip().endswith('trust') else line
                 for line in lines]
        with open(hba, 'w') as f:
            f.write('\n'.join(lines) + '\n')
        self._owner_run([os.path.join(PGBIN, 'pg_ctl'), '-D', os.path.join(self.dir, 'data'), 'reload'])

    def psql(self, sql):
        return subprocess.run([os.path.join(PGBIN, 'psql'), '-X', '-At', '-v', 'ON_ERROR_STOP=1',
                               self.conninfo, '-c', sql],
                              check=True, capture_output=True, text=True).stdout

    def close(self):
        subprocess.run([CLUSTER, 'stop', self.dir], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
