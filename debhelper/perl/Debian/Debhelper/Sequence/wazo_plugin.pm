#!/usr/bin/perl
# The `wazo-plugin` dh sequence addon: `dh $@ --with wazo-plugin`, or
# Build-Depends: dh-sequence-wazo-plugin. The plugin's own rules are its
# build system, so dh_auto_* step aside for dh_wazo_plugin_build (the
# build step) and dh_wazo_plugin (the install step); after dh_installdeb,
# dh_wazo_plugin_conffiles takes back the conffiles it marks by itself
# (wazo-plugind's packages have none unless conffiles: etc is set).
use strict;
use warnings;
use Debian::Debhelper::Dh_Lib;

insert_after('dh_auto_build', 'dh_wazo_plugin_build');
insert_after('dh_auto_install', 'dh_wazo_plugin');
insert_after('dh_installdeb', 'dh_wazo_plugin_conffiles');
for my $command (qw(dh_auto_configure dh_auto_build dh_auto_test
    dh_auto_install dh_auto_clean)) {
	remove_command($command);
}

1;
