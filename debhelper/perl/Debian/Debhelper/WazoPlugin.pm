# Debian::Debhelper::WazoPlugin: what dh_wazo_plugin and
# dh_wazo_plugin_build share: reading the plugin through
# `wazo-plugin-deb check`, which validates it as every other command does.
package Debian::Debhelper::WazoPlugin;

use strict;
use warnings;
use Cwd qw(abs_path);
use Exporter qw(import);
use JSON::PP qw(decode_json);
use Debian::Debhelper::Dh_Lib;

our @EXPORT_OK = qw(addon_options plugin_dir plugin_info plugin_report
	rules_command shell_quote);

# The plugin's root: --plugin-dir, else the source package's root.
sub plugin_dir {
	my $dir = $dh{PLUGIN_DIR} // '.';
	my $abs = abs_path($dir) // error("plugin directory $dir does not exist");
	error("$abs is not a Wazo plugin: it has no wazo/plugin.yml")
		if not -f "$abs/wazo/plugin.yml";
	return $abs;
}

# The command that runs the plugin's `rules STEP` as wazo-plugin-deb
# build runs it (sandboxed: --sandbox, or DH_WAZO_PLUGIN_SANDBOX; the
# network: --network, or DH_WAZO_PLUGIN_NETWORK), staging into $pkgdir
# for the package step.
sub rules_command {
	my ($dir, $step, $pkgdir, $version) = @_;
	my $program = $ENV{WAZO_PLUGIN_DEB} // 'wazo-plugin-deb';
	my @cmd = ($program, 'rules', '--quiet');
	my $sandbox = $dh{SANDBOX} // $ENV{DH_WAZO_PLUGIN_SANDBOX};
	my $network = $dh{NETWORK} // $ENV{DH_WAZO_PLUGIN_NETWORK};
	push(@cmd, "--config=$dh{WAZO_CONFIG}") if defined($dh{WAZO_CONFIG});
	push(@cmd, "--sandbox=$sandbox") if defined($sandbox);
	push(@cmd, "--network=$network") if defined($network);
	push(@cmd, "--pkgdir=$pkgdir") if defined($pkgdir);
	push(@cmd, "--version=$version") if defined($version);
	return (@cmd, $step, $dir);
}

# The options every command of the addon takes.
sub addon_options {
	return (
		'plugin-dir=s' => \$dh{PLUGIN_DIR},
		'wazo-config=s' => \$dh{WAZO_CONFIG},
		'sandbox=s' => \$dh{SANDBOX},
		'network=s' => \$dh{NETWORK},
	);
}

# The report of `wazo-plugin-deb check --format=json` on the plugin in
# $dir (its diagnostics are not printed here).
sub plugin_report {
	my ($dir) = @_;
	my $program = $ENV{WAZO_PLUGIN_DEB} // 'wazo-plugin-deb';
	my @cmd = ($program, 'check', '--format=json');
	push(@cmd, "--config=$dh{WAZO_CONFIG}") if defined($dh{WAZO_CONFIG});
	push(@cmd, $dir);
	verbose_print(join(' ', map { escape_shell($_) } @cmd));
	open(my $fd, '-|', @cmd) or error("cannot run $program: $!");
	my $json = do { local $/; <$fd> };
	close($fd);
	return eval { decode_json($json) }
		// error("$program check gave no report (is $program installed?)");
}

# The plugin as `wazo-plugin-deb check --format=json` reports it; its
# problems go to stderr, and an invalid plugin stops the build.
sub plugin_info {
	my ($dir) = @_;
	my $report = plugin_report($dir);
	for my $d (@{$report->{diagnostics}}) {
		my $key = defined($d->{key}) ? "$d->{key}: " : '';
		print STDERR "$d->{path}:$d->{line}:$d->{column}: $d->{severity}: "
			. "$key$d->{message}\n";
	}
	error("the Wazo plugin in $dir is invalid") if not $report->{valid};
	return $report->{plugin};
}

# A word for /bin/sh, whatever it holds.
sub shell_quote {
	my ($word) = @_;
	return $word if $word =~ m{^[A-Za-z0-9_@%+=:,./-]+$};
	$word =~ s/'/'"'"'/g;
	return "'$word'";
}

1;
