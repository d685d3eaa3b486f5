<?php
/*
	Plugin Name:	Tabbed Header	
	Description:		Tabs around values and a trailing tab.
	Version:	1.2.3	
	Author:	Tab Person
	Requires PHP:	8.1
*/
