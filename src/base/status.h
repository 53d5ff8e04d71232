/* status: the exit statuses every command shares (documented in the man page). */
#ifndef WPD_STATUS_H
#define WPD_STATUS_H

enum status {
	/** Success (warnings may have been printed). */
	STATUS_OK = 0,
	/** The plugin is invalid: plugin.yml or wazo/rules break a rule. */
	STATUS_INVALID = 1,
	/** The command line is wrong. */
	STATUS_USAGE = 2,
	/** One of the plugin's rules commands failed. */
	STATUS_RULES = 3,
	/** A system or I/O error. */
	STATUS_SYSTEM = 4,
};

#endif
