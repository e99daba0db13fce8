"""The detail panes beside the timeline, one module each, registered in ``registry``."""
